/**
 * CSV records for `npsloop import`, parsed by the csv-parse library (RFC 4180: quoted fields with "" escapes and
 * line breaks inside, CRLF/LF/CR line ends, a leading BOM), each with the line of the file it starts on.
 */
import { parse, type CsvError } from 'csv-parse/sync';

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

/** What to tell a person for csv-parse's error codes; other codes keep the library's message. */
const MESSAGES: Partial<Record<CsvError['code'], string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'unexpected text after a closing quote (quotes inside a field must be doubled)',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field (quote the whole field and double the quote)',
};

const CR = 0x0d;
const LF = 0x0a;

/** Line breaks (CRLF, CR or LF, each one break) in `bytes[from, to)`. */
function lineBreaks(bytes: Uint8Array, from: number, to: number): number {
  let breaks = 0;
  for (let index = from; index < to; index++) {
    if (bytes[index] === LF) breaks++;
    else if (bytes[index] === CR) {
      breaks++;
      if (bytes[index + 1] === LF && index + 1 < to) index++;
    }
  }
  return breaks;
}

/** The records of a CSV file in order; blank lines are skipped; throws CsvSyntaxError naming the line of a broken quote. */
export function parseCsv(text: string | Uint8Array, delimiter = ','): CsvRecord[] {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const records: CsvRecord[] = [];
  // Where the last record ended, in bytes and in lines. csv-parse reports byte offsets exactly, but its own line
  // count takes a CRLF inside quotes as two lines: `drift` is how far ahead of the real line it was there.
  let offset = 0;
  let line = 1;
  let drift = 0;
  const skipBlankLines = () => {
    let start = offset;
    while (bytes[start] === CR || bytes[start] === LF) start++;
    line += lineBreaks(bytes, offset, start);
    offset = start;
  };
  try {
    parse(bytes, {
      bom: true, delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, skip_empty_lines: true,
      on_record: (fields: string[], context) => {
        skipBlankLines();
        records.push({ line, fields });
        const breaks = lineBreaks(bytes, offset, context.bytes);
        const endsWithBreak = bytes[context.bytes - 1] === CR || bytes[context.bytes - 1] === LF;
        drift = context.lines - (line + breaks - (endsWithBreak ? 1 : 0));
        line += breaks;
        offset = context.bytes;
        return null;
      },
    });
  } catch (error) {
    const code = (error as CsvError).code;
    if (typeof code !== 'string' || typeof (error as CsvError).lines !== 'number') throw error;
    skipBlankLines();
    // An unclosed quote is found at the end of the file: point at the record it opened instead.
    const at = code === 'CSV_QUOTE_NOT_CLOSED' ? line : (error as CsvError).lines as number - drift;
    throw new CsvSyntaxError(at, MESSAGES[code] ?? (error as Error).message);
  }
  return records;
}
