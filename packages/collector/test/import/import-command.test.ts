import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapColumns, parseMapFlags } from '../../src/import/column-map.ts';
import { importCommand } from '../../src/import/import-command.ts';
import { progressLine } from '../../src/lib/progress-bar.ts';
import { openDatabase } from '../../src/db/database.ts';
import { tempDir } from '../helpers.ts';
import { dbRows, dbValue } from '../support/db-rows.ts';
import { freshDatabaseLocation } from '../support/test-database.ts';

/** A messy export: BOM, CRLF, a quoted comment over three lines, Dutch text, a property column, two bad rows. */
const MESSY = '\ufeffcreated_at,score,comment,email,touchpoint,locale,property.plan\r\n' +
  '2025-06-01T10:00:00Z,9,Great service,ann@example.com,checkout,en,pro\r\n' +
  '2025-06-01,3,"Slow delivery.\r\nThen a ""refund"" that\r\nnever came",,delivery,en,\r\n' +
  '2025-06-02 08:15,7,Prima,,support,nl,free\r\n' +
  '2025-06-03T09:00:00+02:00,11,Too high,,checkout,en,pro\r\n' +
  'yesterday,5,Bad date,,checkout,en,pro\r\n' +
  '2025-06-04T12:00:00Z,10,"Geweldig, echt",bob@example,app,nl,pro\r\n';

function cli() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (text: string) => void out.push(text), err: (text: string) => void err.push(text) }, out, err };
}

/** A database with the survey `demo`, and the CSV in a file. */
async function setup(csv: string) {
  const dir = tempDir();
  const db = await freshDatabaseLocation(dir);
  const file = join(dir, 'export.csv');
  writeFileSync(file, csv);
  const database = await openDatabase({ path: db });
  await database.surveys.create({ id: 'demo', name: 'Demo', allowedOrigins: [] });
  await database.close();
  return { db, file };
}

async function rollupTotal(db: string) {
  return await dbValue({ dbPath: db }, `SELECT SUM(${Array.from({ length: 11 }, (_, score) => `s${score}`).join(' + ')}) FROM analytics_rollups WHERE grain = '1d' AND dim = '*'`);
}

async function responses(db: string) {
  return await dbRows({ dbPath: db }, 'SELECT score, comment, email, touchpoint, locale, properties, created_at FROM responses ORDER BY created_at, score');
}

describe('npsloop import', () => {
  it('rejects the whole file with line numbers when any row is bad, importing nothing', async () => {
    const { db, file } = await setup(MESSY);
    const { io, out, err } = cli();
    expect(await importCommand([file, '--survey', 'demo', '--db', db], {}, io)).toBe(1);
    const report = JSON.parse(out.join(''));
    expect(report).toMatchObject({ rows: 6, imported: 0, written: false });
    expect(report.rejected).toEqual([
      { line: 7, message: 'score: must be a whole number from 0 to 10' },
      { line: 8, message: expect.stringContaining('created_at: must be an ISO 8601 date') },
      { line: 9, message: 'email: must be an email address' },
    ]);
    expect(err.join('')).toContain('Nothing imported');
    expect(await responses(db)).toEqual([]);
  });

  it('imports the valid rows with --skip-invalid, quoted newlines intact, and nothing twice on a second run', async () => {
    const { db, file } = await setup(MESSY);
    const first = cli();
    expect(await importCommand([file, '--survey=demo', `--db=${db}`, '--skip-invalid'], {}, first.io)).toBe(0);
    expect(JSON.parse(first.out.join(''))).toMatchObject({ rows: 6, imported: 3, alreadyImported: 0, written: true });
    expect(first.err.join('')).toContain('Imported 3 of 6 rows into survey "demo" (0 already imported, 3 rejected).');
    expect(await responses(db)).toEqual([
      { score: 3, comment: 'Slow delivery.\r\nThen a "refund" that\r\nnever came', email: null, touchpoint: 'delivery', locale: 'en', properties: null, created_at: Date.parse('2025-06-01T00:00:00Z') },
      { score: 9, comment: 'Great service', email: 'ann@example.com', touchpoint: 'checkout', locale: 'en', properties: '{"plan":"pro"}', created_at: Date.parse('2025-06-01T10:00:00Z') },
      { score: 7, comment: 'Prima', email: null, touchpoint: 'support', locale: 'nl', properties: '{"plan":"free"}', created_at: Date.parse('2025-06-02T08:15:00Z') },
    ]);
    const second = cli();
    expect(await importCommand([file, '--survey', 'demo', '--db', db, '--skip-invalid'], {}, second.io)).toBe(0);
    expect(JSON.parse(second.out.join(''))).toMatchObject({ imported: 0, alreadyImported: 3 });
    expect(await responses(db)).toHaveLength(3);
    expect(await rollupTotal(db)).toBe(3);
  });

  it('maps another tool\'s columns with --map and aliases, and shows progress on stderr', async () => {
    const csv = 'Date,How likely are you to recommend us?,Why?,E-mail,Browser\n2025-01-05,6,"Too expensive",x@example.com,Firefox\n2025-01-06,10,,,Safari\n';
    const { db, file } = await setup(csv);
    const { io, out, err } = cli();
    const code = await importCommand([file, '--survey', 'demo', '--db', db, '--map', 'How likely are you to recommend us?=score', '--map', 'Why?=comment'], {}, { ...io, isTerminal: true });
    expect(code).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ imported: 2, ignoredColumns: ['Browser'] });
    expect(err.join('')).toContain('\rWriting   [##############################] 100% 2/2\n');
    expect(await responses(db)).toMatchObject([{ score: 6, comment: 'Too expensive', email: 'x@example.com' }, { score: 10, comment: null }]);
  });

  it.each([
    { args: ['missing.csv', '--survey', 'demo'], message: 'no such file' },
    { args: ['FILE', '--survey', 'nope'], message: 'no survey "nope"' },
    { args: ['FILE'], message: '--survey: required' },
    { args: ['FILE', '--survey', 'demo', '--map', 'x=price'], message: 'field must be one of' },
    { args: ['FILE', '--survey', 'demo', '--bogus'], message: 'bogus' },
  ])('refuses $args: $message', async ({ args, message }) => {
    const { db, file } = await setup('created_at,score\n2025-01-01,5\n');
    const run = importCommand([...args.map((arg) => (arg === 'FILE' ? file : arg)), '--db', db], {}, cli().io);
    await expect(run).rejects.toThrow(message);
    expect(await responses(db)).toEqual([]);
  });

  it('refuses dates that do not exist, naming each line, and imports nothing', async () => {
    const impossible = ['2025-02-30', '2025-02-29', '2025-06-01T24:00:00Z', '0001-01-01', '1969-12-31T23:59:59Z', '2025-13-01', '2025-06-01T10:60Z', '2025-06-01T10:00:60Z', '2025-06-01T10:00+19:00', '2025-06-01T10:00+02:75'];
    const { db, file } = await setup(`created_at,score\r\n2024-02-29T23:59:59Z,9\r\n${impossible.map((date) => `${date},5`).join('\r\n')}\r\n`);
    const { io, out } = cli();
    expect(await importCommand([file, '--survey', 'demo', '--db', db], {}, io)).toBe(1);
    expect(JSON.parse(out.join('')).rejected).toEqual(impossible.map((_, index) => ({ line: index + 3, message: expect.stringContaining('created_at: is not a real date and time') })));
    expect(await responses(db)).toEqual([]);

    const valid = await setup('created_at,score\n2024-02-29T23:59:59Z,9\n2025-06-01T23:59:59.999-02:00,7\n9999-12-31,8\n');
    expect(await importCommand([valid.file, '--survey', 'demo', '--db', valid.db], {}, cli().io)).toBe(0);
    expect((await responses(valid.db) as { created_at: number }[]).map((row) => new Date(row.created_at).toISOString())).toEqual(['2024-02-29T23:59:59.000Z', '2025-06-02T01:59:59.999Z', '9999-12-31T00:00:00.000Z']);
  });

  it('reports a broken quote as a file error with its line', async () => {
    const { db, file } = await setup('created_at,score,comment\n2025-01-01,5,"never closed\n2025-01-02,6,ok\n');
    await expect(importCommand([file, '--survey', 'demo', '--db', db], {}, cli().io)).rejects.toThrow('line 2: a quoted field is never closed');
    expect(await responses(db)).toEqual([]);
  });
});

describe('column mapping', () => {
  it.each([
    { headers: ['created_at', 'score'], map: [], fields: ['created_at', 'score'] },
    { headers: ['Date', 'NPS Score', 'Feedback', 'User ID', 'property.plan', 'Other'], map: [], fields: ['created_at', 'score', 'comment', 'user_id', 'property.plan', null] },
    { headers: ['When', 'Rating'], map: ['When=created_at'], fields: ['created_at', 'score'] },
  ])('$headers', ({ headers, map, fields }) => {
    expect(mapColumns(headers, parseMapFlags(map))).toEqual(fields);
  });

  it.each([
    { headers: ['score'], message: 'no column for "created_at"' },
    { headers: ['date', 'timestamp', 'score'], message: 'two columns feed "created_at"' },
  ])('refuses $headers', ({ headers, message }) => {
    expect(() => mapColumns(headers, new Map())).toThrow(message);
  });

  it('draws a progress line', () => {
    expect(progressLine('Checking', 1, 4, 8)).toBe('Checking  [##......]  25% 1/4');
  });
});
