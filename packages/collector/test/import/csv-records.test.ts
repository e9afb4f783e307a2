import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '../../src/import/csv-records.ts';

const parse = (text: string) => [...parseCsv(text)];

describe('RFC 4180 CSV', () => {
  it.each([
    { name: 'simple', text: 'a,b\n1,2\n', records: [[1, ['a', 'b']], [2, ['1', '2']]] },
    { name: 'CRLF and no final newline', text: 'a,b\r\n1,2', records: [[1, ['a', 'b']], [2, ['1', '2']]] },
    { name: 'old Mac CR', text: 'a,b\r1,2\r', records: [[1, ['a', 'b']], [2, ['1', '2']]] },
    { name: 'BOM', text: '\ufeffscore,comment\n9,ok\n', records: [[1, ['score', 'comment']], [2, ['9', 'ok']]] },
    { name: 'quoted comma and doubled quote', text: 'x\n"a, ""b"""\n', records: [[1, ['x']], [2, ['a, "b"']]] },
    { name: 'quoted newlines keep line numbers', text: 'c,d\n"one\r\ntwo\nthree",4\n5,6\n', records: [[1, ['c', 'd']], [2, ['one\r\ntwo\nthree', '4']], [5, ['5', '6']]] },
    { name: 'empty fields', text: ',,\n"",x,\n', records: [[1, ['', '', '']], [2, ['', 'x', '']]] },
    { name: 'blank lines skipped', text: 'a\n\n\nb\n', records: [[1, ['a']], [4, ['b']]] },
    { name: 'one quoted empty field is a record', text: 'a\n""\r\n', records: [[1, ['a']], [2, ['']]] },
    { name: 'unicode', text: 'Geweldig 👍,"Zéér ""goed"""\n', records: [[1, ['Geweldig 👍', 'Zéér "goed"']]] },
    { name: 'mixed line ends', text: 'a,b\r\n1,2\n3,4\r5,6', records: [[1, ['a', 'b']], [2, ['1', '2']], [3, ['3', '4']], [4, ['5', '6']]] },
    { name: 'CRLF blank lines skipped', text: 'a\r\n\r\n\r\nb\r\n"c\r\nd"\r\n\r\ne', records: [[1, ['a']], [4, ['b']], [5, ['c\r\nd']], [8, ['e']]] },
    { name: 'a lone quoted empty field', text: '""', records: [[1, ['']]] },
  ])('$name', ({ text, records }) => {
    expect(parse(text).map((record) => [record.line, record.fields])).toEqual(records);
  });

  it.each([
    { text: 'a\n"never closed\nb\n', line: 2, message: 'never closed' },
    { text: 'a\n"x"y\n', line: 2, message: 'after a closing quote' },
    { text: 'a\nsay "hi"\n', line: 2, message: 'quote inside an unquoted field' },
    { text: 'a\n"multi\nline" oops\n', line: 3, message: 'after a closing quote' },
    // Line breaks inside earlier quoted fields (CRLF too) and blank lines still leave the right line number.
    { text: 'a\r\n"two\r\nlines",1\r\n\r\nsay "hi"\r\n', line: 5, message: 'quote inside an unquoted field' },
    { text: 'a\n"x\r\ny","p\r\nq"\n"z"w\n', line: 5, message: 'after a closing quote' },
    { text: 'a\n"x\r\ny"\n\n"never\r\nclosed\n', line: 5, message: 'never closed' },
  ])('reports $message at line $line', ({ text, line, message }) => {
    let error: unknown;
    try {
      parse(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).line).toBe(line);
    expect((error as CsvSyntaxError).message).toContain(message);
  });
});
