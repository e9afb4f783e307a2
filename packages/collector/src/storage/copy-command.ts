/**
 * `npsloop copy --from A --to B`: moves an installation between SQLite and PostgreSQL (either way). The
 * target must be empty; everything is copied in one transaction, then the row counts of every table and
 * each survey's summary figures are compared on both sides.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { copyTables, countTables, type TableCounts } from '../db/copy-database.ts';
import { describeDatabase, openDatabase, openDialect } from '../db/database.ts';
import { isPostgresUrl } from '../db/postgres/postgres-connection.ts';
import { createAnalyticsService } from '../analytics/analytics-service.ts';
import { ConfigError, type CliOutput, type Env } from '../lib/command-line.ts';

function options(args: readonly string[]): { from: string; to: string } {
  let values: { from?: string; to?: string };
  try {
    ({ values } = parseArgs({ args: [...args], strict: true, options: { from: { type: 'string' }, to: { type: 'string' } } }));
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  if (!values.from || !values.to) throw new ConfigError('copy: give both --from and --to (a SQLite file or a postgres:// URL)');
  if (values.from === values.to) throw new ConfigError('copy: --from and --to name the same database');
  if (!isPostgresUrl(values.from) && !existsSync(values.from)) throw new ConfigError(`--from: no SQLite file at ${values.from}`);
  return { from: values.from, to: values.to };
}

/** Each survey's all-time summary, as the API answers it. */
async function summaries(location: string): Promise<Map<string, string>> {
  const database = await openDatabase({ path: location, foldIntervalMs: 0 });
  try {
    const analytics = createAnalyticsService(database.analytics);
    const figures = new Map<string, string>();
    for (const survey of await database.surveys.list()) {
      figures.set(survey.id, JSON.stringify(await analytics.summary({ surveyId: survey.id, dims: {}, properties: [] }, survey.metric)));
    }
    return figures;
  } finally {
    await database.close();
  }
}

const total = (counts: Partial<TableCounts>) => Object.values(counts).reduce((sum, count) => sum + count, 0);

/** Copies, then verifies counts and summaries; exit 0 when both sides agree. */
export async function copyCommand(args: readonly string[], _env: Env, io: CliOutput): Promise<number> {
  const { from, to } = options(args);
  const started = Date.now();
  // Opening the source migrates it and closing it folds every pending rollup delta, so the rollups copy exact.
  await (await openDatabase({ path: from, foldIntervalMs: 0 })).close();
  const source = await openDialect(from);
  const target = await openDialect(to).catch(async (error: unknown) => {
    await source.close();
    throw error;
  });
  let sourceCounts: TableCounts;
  try {
    const targetBefore = await countTables(target);
    if (total(targetBefore) > 0) {
      const filled = Object.entries(targetBefore).filter(([, count]) => count > 0).map(([table, count]) => `${table}: ${count}`);
      throw new ConfigError(`--to: ${describeDatabase(to)} already holds data (${filled.join(', ')}); copy only into an empty database`);
    }
    if (source.schemaVersion !== target.schemaVersion) {
      throw new ConfigError(`copy: schema versions differ (source ${source.schemaVersion}, target ${target.schemaVersion}); upgrade the older side first`);
    }
    const { analytics_rollup_pending: pending, ...counts } = await countTables(source);
    if (pending > 0) throw new ConfigError('--from: a collector is writing to the source; stop it before copying');
    sourceCounts = counts;
    io.err(`Copying ${describeDatabase(from)} → ${describeDatabase(to)}…\n`);
    await copyTables(source, target, (table, rows) => {
      if (rows === sourceCounts[table] && rows > 0) io.err(`  ${table}: ${rows.toLocaleString('en')} row${rows === 1 ? '' : 's'}\n`);
    });
    const { analytics_rollup_pending: _pending, ...copied } = await countTables(target);
    const differing = (Object.keys(sourceCounts) as (keyof TableCounts)[]).filter((table) => sourceCounts[table] !== copied[table]);
    if (differing.length > 0) throw new Error(`copy: row counts differ after copying in ${differing.join(', ')}`);
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
  const [before, after] = [await summaries(from), await summaries(to)];
  const mismatched = [...before.keys()].filter((survey) => before.get(survey) !== after.get(survey));
  if (mismatched.length > 0 || before.size !== after.size) throw new Error(`copy: summary figures differ after copying for ${mismatched.join(', ') || 'the survey list'}`);
  io.err(`Copied ${total(sourceCounts).toLocaleString('en')} rows in ${((Date.now() - started) / 1000).toFixed(1)} s; row counts of every table and the summaries of ${before.size} survey(s) match on both sides.\n`);
  io.out(`${JSON.stringify({ rows: sourceCounts, surveys: before.size })}\n`);
  return 0;
}
