// `pnpm bench:analytics [--rows 10000000] [--runs 30] [--db PATH|postgres://…] [--fresh] [--rebuild]`: fills a
// database (default 1 M responses over two years; reused when it already holds that many), then
// times the analytics service functions the routes call (summary, one-year daily trend in
// Europe/Amsterdam, segments by touchpoint, a 30-day property-filter fallback) against
// the plain GROUP BY over the raw rows, in the same run, and checks the numbers agree. `--db postgres://…` (or
// `pnpm bench:analytics:pg`, which starts an embedded PostgreSQL 17) runs the same on PostgreSQL.
import { rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { generateAnalyticsData, HISTORY } from './generate-analytics.mjs';

// `pnpm run bench:analytics -- --rows N` passes the `--` through; it is not a positional here.
const argv = process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === '--'));
const { values: args } = parseArgs({
  args: argv,
  options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '30' }, db: { type: 'string' }, fresh: { type: 'boolean', default: false }, rebuild: { type: 'boolean', default: false } },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);
const RAW_RUNS = Math.max(3, Math.round(RUNS / 10));
const DB_PATH = args.db ?? `/tmp/npsloop-bench-analytics-${ROWS}.db`;
const packageRoot = fileURLToPath(new URL('..', import.meta.url));

// Load the TypeScript sources as the collector runs them (Vite SSR, no build step).
const vite = await createServer({
  root: packageRoot, configFile: false, logLevel: 'error', appType: 'custom',
  server: { middlewareMode: true, hmr: false, watch: null }, ssr: { noExternal: ['@npsloop/core'] }, optimizeDeps: { noDiscovery: true, include: [] },
});
const load = (path) => vite.ssrLoadModule(path);
const { openDatabase } = await load('/src/db/database.ts');
const { createAnalyticsService } = await load('/src/analytics/analytics-service.ts');
const { createAnalyticsQueries } = await load('/src/analytics/analytics-queries.ts');
const { summaryOf, figureOf } = await load('/src/analytics/figures.ts');
const { emptyCounters } = await load('/src/db/analytics/counters.ts');
const { localBuckets } = await load('/src/lib/time-buckets.ts');
const { seededRandom } = await load('/src/demo/demo-generator.ts');
const { isPostgresUrl } = await load('/src/db/postgres/postgres-connection.ts');
await vite.close();

const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);
const log = (text) => process.stderr.write(`${text}\n`);

const onPostgres = isPostgresUrl(DB_PATH);
if (args.fresh && !onPostgres) for (const suffix of ['', '-wal', '-shm']) rmSync(DB_PATH + suffix, { force: true });
const database = await openDatabase({ path: DB_PATH, foldIntervalMs: 0 });
// The reference answers come from plain SQL on a connection of the benchmark's own.
const plainDb = onPostgres ? await plainPostgres(DB_PATH) : plainSqlite(DB_PATH);
const stored = (await plainDb.all("SELECT COUNT(*) AS c FROM responses WHERE survey_id = 'bench'"))[0].c;
if (stored !== ROWS) {
  if (stored > 0) throw new Error(`${onPostgres ? 'the database' : DB_PATH} holds ${stored} responses, not ${ROWS}: ${onPostgres ? 'use an empty database' : 'pass --fresh'} or another --db`);
  log(`Generating ${ROWS.toLocaleString('en')} responses into ${DB_PATH} through the response writer …`);
  const started = performance.now();
  await generateAnalyticsData(database, { rows: ROWS, random: seededRandom(42), onProgress: (done) => log(`  ${done.toLocaleString('en')} rows, ${seconds(started)} s`) });
  log(`  generated (rollups kept in step) in ${seconds(started)} s`);
  await plainDb.settle();
}
if (args.rebuild) {
  log('Rebuilding the rollups from the raw rows …');
  const started = performance.now();
  await database.rebuildRollups();
  log(`  rollups rebuilt in ${seconds(started)} s`);
}
await plainDb.all('ANALYZE');

const analytics = createAnalyticsService(database.analytics);
const queries = createAnalyticsQueries(database.analytics);
const raw = database.analytics.raw;
const surveyId = 'bench';
const end = HISTORY.to;

async function time(fn, runs) {
  const samples = [];
  let result;
  for (let warmup = 0; warmup < Math.min(3, runs); warmup++) result = await fn();
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
  return { result, p50: at(0.5), p95: at(0.95) };
}

/** Plain SQL on a SQLite file of the benchmark's own (better-sqlite3). */
function plainSqlite(path) {
  const db = new (createRequire(import.meta.url)('better-sqlite3'))(path);
  return {
    all: async (sql, params = []) => {
      const statement = db.prepare(sql);
      return statement.reader ? statement.all(...params) : (statement.run(...params), []);
    },
    settle: async () => db.pragma('wal_checkpoint(TRUNCATE)'),
    bytes: async () => statSync(path).size,
    close: async () => db.close(),
  };
}

/** Plain SQL on PostgreSQL (pg; `?` placeholders numbered as `$n`, counts as numbers). */
async function plainPostgres(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const all = async (sql, params = []) => {
    let n = 0;
    const { rows } = await client.query(sql.replace(/\?/g, () => `$${++n}`), params);
    return rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'string' && key !== 'touchpoint' && key !== 'type' ? Number(value) : value])));
  };
  return {
    all,
    settle: async () => void (await all('VACUUM ANALYZE')),
    bytes: async () => (await all('SELECT pg_database_size(current_database()) AS b'))[0].b,
    close: () => client.end(),
  };
}

// The plain GROUP BY over raw rows, as the first summary did it (each engine's spelling of the same query).
const yes = (condition) => (onPostgres ? `(${condition})::int` : `(${condition})`);
const planOf = onPostgres ? "properties::jsonb->>'plan'" : "json_extract(properties, '$.plan')";
const plainSummary = (id) => plainDb.all(`SELECT score, COUNT(*) AS n, SUM(${yes('comment IS NOT NULL')}) AS comments,
  SUM(${yes("channel IS NULL OR channel IN ('web', 'app')")}) AS prompted FROM responses WHERE survey_id = ? GROUP BY score`, [id]);
const plainEvents = (id) => plainDb.all('SELECT type, COUNT(*) AS n FROM events WHERE survey_id = ? GROUP BY type', [id]);
const plainSegments = (id) => plainDb.all('SELECT touchpoint, score, COUNT(*) AS n FROM responses WHERE survey_id = ? GROUP BY touchpoint, score', [id]);
const plainProperty = (id, from, to) => plainDb.all(`SELECT score, COUNT(*) AS n FROM responses
  WHERE survey_id = ? AND created_at >= ? AND created_at < ? AND ${planOf} = 'pro' GROUP BY score`, [id, from, to]);

const trendFrom = localBuckets('day', 'Europe/Amsterdam', end - 365 * 86_400_000, end - 365 * 86_400_000 + 1)[0].start;
const trendBuckets = localBuckets('day', 'Europe/Amsterdam', trendFrom, end);
const monthAgo = end - 30 * 86_400_000;

const cases = [
  {
    name: 'summary (all time)',
    rollup: () => analytics.summary({ surveyId, dims: {}, properties: [] }, 'nps'),
    plain: async () => {
      const counters = emptyCounters();
      for (const row of await plainSummary(surveyId)) Object.assign(counters, { [row.score]: row.n, 11: counters[11] + row.comments, 12: counters[12] + row.prompted });
      for (const row of await plainEvents(surveyId)) counters[row.type === 'shown' ? 13 : 14] = row.n;
      return summaryOf('nps', counters, true);
    },
  },
  {
    name: `trend: ${trendBuckets.length} days, Europe/Amsterdam`,
    // Each bucket's change against the one before is extra to the figures the plain query gives: compared without it.
    rollup: async () => (await analytics.trend({ surveyId, dims: {}, properties: [], from: trendFrom, to: end }, 'day', 'Europe/Amsterdam', 'nps')).buckets.map(({ change: _change, ...bucket }) => bucket),
    plain: async () => {
      const counts = await raw.countByKey({ surveyId, dims: {}, properties: [] }, trendBuckets.map((bucket, key) => ({ from: bucket.start, to: bucket.end, key })));
      return trendBuckets.map((bucket, key) => ({ start: bucket.label, ...figureOf('nps', counts.get(key) ?? emptyCounters()) }));
    },
  },
  {
    name: 'segments by touchpoint (all time)',
    rollup: async () => [...(await analytics.segmentCounts({ surveyId, dims: {}, properties: [] }, 'touchpoint'))].map(([value, counters]) => [value, figureOf('nps', counters)]).sort(),
    plain: async () => {
      const byValue = new Map();
      for (const row of await plainSegments(surveyId)) {
        const counters = byValue.get(row.touchpoint ?? '') ?? byValue.set(row.touchpoint ?? '', emptyCounters()).get(row.touchpoint ?? '');
        counters[row.score] = row.n;
      }
      return [...byValue].map(([value, counters]) => [value, figureOf('nps', counters)]).sort();
    },
  },
  {
    name: 'fallback: property.plan=pro, last 30 days',
    rollup: async () => figureOf('nps', (await queries.countRanges({ surveyId, dims: {}, properties: [['plan', 'pro']] }, [{ from: monthAgo, to: end }]))[0]),
    plain: async () => {
      const counters = emptyCounters();
      for (const row of await plainProperty(surveyId, monthAgo, end)) counters[row.score] = row.n;
      return figureOf('nps', counters);
    },
  },
];

const rollupRows = (await plainDb.all('SELECT COUNT(*) AS c FROM analytics_rollups'))[0].c;
const dbBytes = await plainDb.bytes();
const format = (ms) => (ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
const lines = [
  `Analytics benchmark (${onPostgres ? 'PostgreSQL' : 'SQLite'}): ${ROWS.toLocaleString('en')} responses, ${rollupRows.toLocaleString('en')} rollup rows, database ${(dbBytes / 2 ** 30).toFixed(2)} GiB, ${RUNS} timed calls (plain GROUP BY: ${RAW_RUNS})`,
  '',
  '| query | p50 ms | p95 ms | plain GROUP BY p50 ms | same numbers |',
  '|---|---:|---:|---:|:---:|',
];
let allAgree = true;
for (const test of cases) {
  log(`Timing ${test.name} …`);
  const fast = await time(test.rollup, RUNS);
  const slow = await time(test.plain, RAW_RUNS);
  const agree = isDeepStrictEqual(fast.result, slow.result);
  allAgree &&= agree;
  lines.push(`| ${test.name} | ${format(fast.p50)} | ${format(fast.p95)} | ${format(slow.p50)} | ${agree ? 'yes' : 'NO'} |`);
}
await plainDb.close();
await database.close();
process.stdout.write(`${lines.join('\n')}\n`);
if (!allAgree) {
  process.stderr.write('Rollup and raw answers differ.\n');
  process.exitCode = 1;
}
