/**
 * Imports historical responses from CSV text into one survey: every row is checked before any is written, so
 * all rows are valid or nothing is written (unless told to skip bad rows); then short transactions write them.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Metric } from '@npsloop/core';
import type { Database } from '../db/database.ts';
import type { ResponseInsert } from '../db/repositories/response-writer.ts';
import { ImportFormatError, mapColumns, type ImportField } from './column-map.ts';
import { parseCsv } from './csv-records.ts';
import { toImportRow, type ImportRow } from './import-row.ts';

/** Options of one import. */
export interface ImportOptions {
  surveyId: string;
  /** The survey's metric: every score must be on its scale (default NPS, 0–10). */
  metric?: Metric;
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

/** Rows a transaction writes at most; it also commits once it has held the write lock for WRITE_SLICE_MS. */
const CHUNK_ROWS = 5_000;
/** How long one import transaction holds the write lock, so a collector serving the same file waits at most about this. */
const WRITE_SLICE_MS = 50;
/** The pause between two import transactions, in which a serving collector takes the lock (it retries every ≤ 10 ms). */
const YIELD_MS = 20;

/**
 * Writes the rows in short transactions (each ≤ ~50 ms, then a pause), so a collector serving the same database
 * keeps answering. Row ids come from the file's content, so a rerun after a crash adds only what is missing.
 */
async function writeInShortTransactions(
  database: Pick<Database, 'transaction'>, rows: readonly ResponseInsert[], onProgress: (done: number) => void,
): Promise<{ inserted: number; existing: number }> {
  const counts = { inserted: 0, existing: 0 };
  for (let start = 0; start < rows.length;) {
    const began = performance.now();
    const written = await database.transaction(async (tx) => {
      let end = start;
      while (end < rows.length && end - start < CHUNK_ROWS && performance.now() - began < WRITE_SLICE_MS) {
        const slice = rows.slice(end, Math.min(end + 100, rows.length, start + CHUNK_ROWS));
        const sliceCounts = await tx.responses.insertMany(slice, { openLoops: false });
        counts.inserted += sliceCounts.inserted;
        counts.existing += sliceCounts.existing;
        end += slice.length;
      }
      return end - start;
    });
    start += written;
    onProgress(start);
    if (start < rows.length) await sleep(YIELD_MS);
  }
  return counts;
}

/** A stable id from the survey, the row's content and how often that content came before, so importing a file twice adds nothing. */
function rowId(surveyId: string, fields: readonly string[], occurrence: number): string {
  return `imp_${createHash('sha256').update(JSON.stringify([surveyId, fields, occurrence])).digest('base64url').slice(0, 32)}`;
}

/**
 * Parses the file (text or its UTF-8 bytes), checks every row, then writes them in one transaction through the
 * response writer (rollups included; historical answers open no loops); throws CsvSyntaxError on broken CSV.
 */
export async function importCsv(database: Pick<Database, 'transaction'>, text: string | Uint8Array, options: ImportOptions): Promise<ImportReport> {
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
      const result = toImportRow(record.fields, columns, options.metric);
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

  const now = options.now ?? Date.now();
  const rows = valid.map(({ id, row }) => ({
    id, surveyId: options.surveyId, score: row.score, comment: row.comment, consent: row.consent === null ? null : row.consent === 1,
    userId: row.user_id, email: row.email, touchpoint: row.touchpoint, channel: row.channel, journey: row.journey, locale: row.locale,
    page: null, device: null, properties: row.properties, createdAt: row.created_at, updatedAt: now,
  }));
  const counts = await writeInShortTransactions(database, rows, (done) => options.onProgress?.('writing', done, rows.length));
  report.imported = counts.inserted;
  report.alreadyImported = counts.existing;
  report.written = true;
  return report;
}
