import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/import/csv-records.ts';

/** RFC 4180 writing, independent of the parser: quote a field when it holds a comma, quote or line break. */
function writeCsv(records: string[][], lineEnd: string): string {
  const field = (value: string) => (/[",\r\n]/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value);
  return records.map((record) => record.map(field).join(',')).join(lineEnd) + lineEnd;
}

const fieldText = fc.string({ unit: fc.constantFrom('a', 'Z', 'é', '👍', ' ', ',', '"', '\n', '\r\n', 'x') , maxLength: 12 });

describe('CSV round trip (property)', () => {
  it('parses back exactly what an RFC 4180 writer wrote, with or without a BOM, LF or CRLF', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(fieldText, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 })),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (records, lineEnd, bom) => {
          const text = (bom ? '\ufeff' : '') + writeCsv(records, lineEnd);
          const parsed = [...parseCsv(text)];
          expect(parsed.map((record) => record.fields)).toEqual(records);
          // Each record starts on the line after the previous one's last line break.
          let line = 1;
          parsed.forEach((record, index) => {
            expect(record.line).toBe(line);
            line += 1 + records[index].join('').split(/\r\n|\n/).length - 1;
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
