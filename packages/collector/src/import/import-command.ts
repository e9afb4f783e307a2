/** `npsloop import FILE.csv --survey ID [--db PATH] [--map column=field]... [--skip-invalid]`. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, DEFAULTS, type CliOutput, type Env } from '../lib/command-line.ts';
import { openDatabase } from '../db/database.ts';
import { ImportFormatError, parseMapFlags } from './column-map.ts';
import { CsvSyntaxError } from './csv-records.ts';
import { importCsv, type ImportReport } from './import-csv.ts';
import { progressBar } from '../lib/progress-bar.ts';

const SHOWN_REJECTIONS = 50;

function summary(report: ImportReport, surveyId: string): string {
  const lines = report.rejected.slice(0, SHOWN_REJECTIONS).map((rejection) => `  line ${rejection.line}: ${rejection.message}\n`);
  if (report.rejected.length > SHOWN_REJECTIONS) lines.push(`  …and ${report.rejected.length - SHOWN_REJECTIONS} more\n`);
  if (report.ignoredColumns.length) lines.unshift(`Ignored columns: ${report.ignoredColumns.join(', ')} (map them with --map COLUMN=FIELD)\n`);
  if (report.rejected.length) lines.unshift(`${report.rejected.length} of ${report.rows} rows rejected:\n`);
  lines.push(report.written
    ? `Imported ${report.imported} of ${report.rows} rows into survey "${surveyId}" (${report.alreadyImported} already imported, ${report.rejected.length} rejected).\n`
    : 'Nothing imported: fix the rows above, or pass --skip-invalid to import only the valid ones.\n');
  return lines.join('');
}

/** Runs the import command; resolves to the exit code (1 when rows were rejected and nothing was written). */
export async function importCommand(args: readonly string[], env: Env, io: CliOutput & { isTerminal?: boolean }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args], allowPositionals: true, strict: true,
      options: { survey: { type: 'string' }, db: { type: 'string' }, map: { type: 'string', multiple: true }, 'skip-invalid': { type: 'boolean' } },
    });
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new ConfigError('import: give exactly one CSV file');
  if (!values.survey) throw new ConfigError('--survey: required (the survey the answers belong to)');
  let map;
  try {
    map = parseMapFlags(values.map ?? []);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  let text: Buffer;
  try {
    text = readFileSync(positionals[0]);
  } catch (error) {
    throw new ConfigError(`${positionals[0]}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const database = await openDatabase({ path: values.db ?? (env.NPSLOOP_DB || DEFAULTS.db) });
  try {
    const survey = await database.surveys.get(values.survey);
    if (!survey) throw new ConfigError(`--survey: no survey "${values.survey}"; create it with npsloop surveys create`);
    const bar = progressBar(io.err, io.isTerminal ?? false);
    const report = await importCsv(database, text, {
      surveyId: values.survey, metric: survey.metric, map, skipInvalid: values['skip-invalid'],
      onProgress: (phase, done, total) => bar(phase === 'checking' ? 'Checking' : 'Writing', done, total),
    });
    io.err(summary(report, values.survey));
    io.out(`${JSON.stringify(report)}\n`);
    return report.written ? 0 : 1;
  } catch (error) {
    if (error instanceof CsvSyntaxError || error instanceof ImportFormatError) {
      throw new ConfigError(`${positionals[0]}: ${error.message}`);
    }
    throw error;
  } finally {
    await database.close();
  }
}
