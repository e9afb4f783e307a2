/** A strict RFC 4180 parser for tests: quoted fields, doubled quotes, CRLF records. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let index = 0;
  while (index < text.length) {
    if (text[index] === '"') {
      index++;
      for (;;) {
        const quote = text.indexOf('"', index);
        if (quote < 0) throw new Error('unterminated quoted field');
        field += text.slice(index, quote);
        index = quote + 1;
        if (text[index] !== '"') break;
        field += '"';
        index++;
      }
    }
    const char = text[index];
    if (char === ',') {
      record.push(field);
      field = '';
      index++;
    } else if (char === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 2;
    } else if (char === undefined) {
      break;
    } else if (char === '"' || char === '\n' || char === '\r') {
      throw new Error(`unexpected ${JSON.stringify(char)} at ${index}`);
    } else {
      field += char;
      index++;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('last record lacks CRLF');
  return records;
}
