/** Imports historical responses from CSV text into one survey: all rows valid or nothing written (unless told to skip bad rows). */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { createRollupSync } from '../loops/rollup-sync.ts';
import { ImportFormatError, mapColumns, type ImportField } from './column-map.ts';
import { parseCsv } from './csv-records.ts';
import { toImportRow, type ImportRow } from './import-row.ts';

/** Options of one import. */
export interface ImportOptions {
  surveyId: string;
  /** Column → field overrides from `--map`. */
  map?: ReadonlyMap<string, ImportField>;
  /** Import the valid rows even when some are rejected (default: import nothing then). */
  skipInvalid?: boolean;
  /** Called as rows are checked and written (phase, rows done, rows in all). */
  onProgress?: (phase: 'checking' | 'writing', done: number, total: number) => void;
  /** Stamps `updated_at` of imported rows (default now). */
  now?: number;
}

/** What an import did. */
export interface ImportReport {
  rows: number;
  imported: number;
  alreadyImported: number;
  rejected: { line: number; message: string }[];
  ignoredColumns: string[];
  /** False when rejected rows stopped the whole file. */
  written: boolean;
}

/** A stable id from the survey, the row's content and how often that content came before, so importing a file twice adds nothing. */
function rowId(surveyId: string, fields: readonly string[], occurrence: number): string {
  return `imp_${createHash('sha256').update(JSON.stringify([surveyId, fields, occurrence])).digest('base64url').slice(0, 32)}`;
}

/** Parses the file (text or its UTF-8 bytes), checks every row, then writes them in one transaction (rollups included); throws CsvSyntaxError on broken CSV. */
export function importCsv(db: Database, text: string | Uint8Array, options: ImportOptions): ImportReport {
  const records = parseCsv(text);
  const header = records.shift();
  if (!header) throw new ImportFormatError('the file is empty: a header row is required');
  const columns = mapColumns(header.fields, options.map ?? new Map());
  const report: ImportReport = {
    rows: records.length, imported: 0, alreadyImported: 0, rejected: [],
    ignoredColumns: header.fields.filter((_, index) => columns[index] === null), written: false,
  };
  const valid: { id: string; row: ImportRow }[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    if (record.fields.length !== header.fields.length) {
      report.rejected.push({ line: record.line, message: `has ${record.fields.length} fields, the header has ${header.fields.length}` });
    } else {
      const result = toImportRow(record.fields, columns);
      if ('error' in result) report.rejected.push({ line: record.line, message: result.error });
      else {
        const key = JSON.stringify(record.fields);
        const occurrence = seen.get(key) ?? 0;
        seen.set(key, occurrence + 1);
        valid.push({ id: rowId(options.surveyId, record.fields, occurrence), row: result.row });
      }
    }
    if ((index + 1) % 1000 === 0 || index + 1 === records.length) options.onProgress?.('checking', index + 1, records.length);
  });
  if (report.rejected.length > 0 && !options.skipInvalid) return report;

  const insert = db.prepare(`INSERT INTO responses (id, survey_id, score, comment, consent, user_id, email, touchpoint, channel, journey, locale, properties, created_at, updated_at)
    VALUES (@id, @survey_id, @score, @comment, @consent, @user_id, @email, @touchpoint, @channel, @journey, @locale, @properties, @created_at, @updated_at)
    ON CONFLICT (id) DO NOTHING`);
  const now = options.now ?? Date.now();
  db.transaction(() => {
    const rollups = createRollupSync(db);
    valid.forEach(({ id, row }, index) => {
      const stored = { ...row, id, survey_id: options.surveyId, updated_at: now };
      if (insert.run(stored).changes === 0) report.alreadyImported++;
      else {
        report.imported++;
        rollups.change(null, { ...stored, excluded: 0 });
      }
      if ((index + 1) % 1000 === 0 || index + 1 === valid.length) options.onProgress?.('writing', index + 1, valid.length);
    });
    rollups.flush();
  }).immediate();
  report.written = true;
  return report;
}
