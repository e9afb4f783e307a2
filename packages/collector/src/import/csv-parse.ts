/** An RFC 4180 CSV parser: quoted fields with "" escapes and line breaks inside, CRLF/LF/CR line ends, a leading BOM. */

/** One record and the line of the file it starts on (1-based). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A syntax error at a line of the file. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Yields the records of a CSV text in order; blank lines are skipped; throws CsvSyntaxError on a broken quote. */
export function* parseCsv(text: string, delimiter = ','): Generator<CsvRecord> {
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (position < text.length) {
    if (text[position] === '\r' || text[position] === '\n') {
      // A blank line holds no record (a record with one empty field is written "").
      position += text.startsWith('\r\n', position) ? 2 : 1;
      line++;
      continue;
    }
    const startLine = line;
    const fields: string[] = [];
    let atRecordEnd = false;
    while (!atRecordEnd) {
      let value = '';
      if (text[position] === '"') {
        position++;
        for (;;) {
          const quote = text.indexOf('"', position);
          if (quote === -1) throw new CsvSyntaxError(startLine, 'a quoted field is never closed');
          const chunk = text.slice(position, quote);
          value += chunk;
          line += countLineBreaks(chunk);
          if (text[quote + 1] === '"') {
            value += '"';
            position = quote + 2;
            continue;
          }
          position = quote + 1;
          break;
        }
        const next = text[position];
        if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
          throw new CsvSyntaxError(line, 'unexpected text after a closing quote (quotes inside a field must be doubled)');
        }
      } else {
        let end = position;
        while (end < text.length && text[end] !== delimiter && text[end] !== '\r' && text[end] !== '\n') end++;
        value = text.slice(position, end);
        if (value.includes('"')) throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the whole field and double the quote)');
        position = end;
      }
      fields.push(value);
      if (text[position] === delimiter) position++;
      else {
        atRecordEnd = true;
        if (text[position] === '\r') position++;
        if (text[position] === '\n') position++;
        line++;
      }
    }
    yield { line: startLine, fields };
  }
}

function countLineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}
