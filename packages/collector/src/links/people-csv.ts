/**
 * The people file of `npsloop links` and `npsloop invite`: a CSV with a header row, parsed by csv-parse. An
 * `email` and/or `userId` column (also `user_id`) names each person, a `locale` column their language; every
 * other column becomes a trait (the answer's properties). Every row is checked before anything is written.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describeIssues } from '../lib/common-schemas.ts';
import { ConfigError } from '../lib/command-line.ts';
import { recipientSchema, type Recipient } from './link-schemas.ts';

/** One person of the file: the recipient, the language asked for, and the row as read (for the output CSV). */
export interface Person {
  line: number;
  recipient: Recipient;
  locale: string | undefined;
  row: Record<string, string>;
}

/** The people of a file and its header, in order. */
export interface PeopleFile {
  columns: string[];
  people: Person[];
}

const SHOWN_PROBLEMS = 20;
const ID_COLUMNS: Record<string, 'email' | 'userId' | 'locale'> = { email: 'email', userid: 'userId', user_id: 'userId', locale: 'locale' };

/** The recipient of one row: the id columns as they are, the rest (non-empty) as traits. */
function recipientOf(row: Record<string, string>): { fields: Record<string, unknown>; locale: string | undefined } {
  const fields: Record<string, unknown> = {};
  const traits: Record<string, string> = {};
  let locale: string | undefined;
  for (const [column, value] of Object.entries(row)) {
    const known = ID_COLUMNS[column.toLowerCase()];
    if (known === 'locale') locale = value || undefined;
    else if (known) fields[known] = value === '' ? undefined : value;
    else if (value !== '') traits[column] = value;
  }
  if (Object.keys(traits).length > 0) fields.traits = traits;
  return { fields, locale };
}

/** Reads and checks the people file; a ConfigError lists the rows that are wrong (by line) and nothing is used. */
export function readPeopleFile(path: string): PeopleFile {
  let text: Buffer;
  try {
    text = readFileSync(path);
  } catch (error) {
    throw new ConfigError(`--csv: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? `no such file "${path}"` : (error as Error).message}`);
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let columns: string[] = [];
  try {
    records = parse(text, {
      bom: true, skip_empty_lines: true, trim: true, info: true,
      columns: (header: string[]) => (columns = header.map((name) => name.trim())),
    });
  } catch (error) {
    throw new ConfigError(`--csv: ${(error as Error).message}`);
  }
  if (!columns.some((column) => ID_COLUMNS[column.toLowerCase()] === 'email' || ID_COLUMNS[column.toLowerCase()] === 'userId')) {
    throw new ConfigError('--csv: the header needs an "email" or "userId" column');
  }
  const problems: string[] = [];
  const people: Person[] = [];
  for (const { record, info } of records) {
    const { fields, locale } = recipientOf(record);
    const parsed = recipientSchema.safeParse(fields);
    if (parsed.success) people.push({ line: info.lines, recipient: parsed.data, locale, row: record });
    else problems.push(`line ${info.lines}: ${describeIssues(parsed.error.issues, 'row')}`);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, SHOWN_PROBLEMS).map((problem) => `  ${problem}\n`).join('');
    const more = problems.length > SHOWN_PROBLEMS ? `  …and ${problems.length - SHOWN_PROBLEMS} more\n` : '';
    throw new ConfigError(`--csv: ${problems.length} of ${records.length} rows are wrong; nothing was done:\n${shown}${more}`.trimEnd());
  }
  if (people.length === 0) throw new ConfigError('--csv: the file has a header but no people');
  return { columns, people };
}
