// `pnpm bench`: ingest throughput against a bare Fastify POST route on the same
// machine, same load (autocannon, 100 connections, no pipelining), each server in
// its own child process on 127.0.0.1, the collector on a fresh database.
// Rounds alternate between the targets, each round starting with the next one,
// so background load on the machine hits all of them alike.
//
// Ingest is measured with two score mixes, because a detractor's answer also opens
// a loop (one more row in the same transaction):
// - typical: the answers of a survey at NPS +30 (20% detractors, 30% passives,
//   50% promoters), which is where the goal is judged;
// - every score alike: 0–10 in turn, 64% detractors, the stress case.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { NODE_FLAGS } from '../bin/node-flags.js';
import { startServer } from './child-server.mjs';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = 100;
// BENCH_PROCESSES=2 adds a target: two collector processes on the one database, sharing the connections (PostgreSQL).
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1);
// BENCH_BASELINE=DIR adds a target: the collector package built in another checkout (e.g. a `git worktree` of an
// older commit), on a fresh SQLite database of its own, in turns with this one: a regression shows in the same rounds.
const BASELINE = process.env.BENCH_BASELINE;
const ADMIN_KEY = 'bench-admin-key';
// The goal: 80% of the bare route on SQLite in-process; 50% on PostgreSQL (BENCH_DB), whose server shares the cores.
const GOAL_RATIO = process.env.BENCH_DB ? 0.5 : 0.8;

const BARE_SERVER = `
import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.post('/v1/responses', async (request, reply) => reply.code(201).send({ id: request.body.id, status: 'created' }));
await app.listen({ port: 0, host: '127.0.0.1' });
console.log('listening on http://127.0.0.1:' + app.server.address().port);
`;

function start(name, args, cwd = packageRoot) {
  return startServer(name, args, { cwd, env: { NPSLOOP_ADMIN_KEY: ADMIN_KEY } });
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * One autocannon run, with the servers' CPU time spent during it. Several servers (collector processes on one
 * database) share the connections, each loaded by an autocannon of its own at the same time.
 */
async function measuredLoad(target, seconds) {
  const servers = target.servers ?? [target.server];
  const before = servers.map((server) => cpuSeconds(server.child.pid));
  const results = await Promise.all(servers.map((server) => load(server.url, seconds, target.mix, CONNECTIONS / servers.length)));
  const after = servers.map((server) => cpuSeconds(server.child.pid));
  const cpu = before.some((value) => value === null) || after.some((value) => value === null) ? null
    : after.reduce((sum, value, index) => sum + value - before[index], 0);
  const sum = (pick) => results.reduce((total, result) => total + pick(result), 0);
  return {
    duration: Math.max(...results.map((result) => result.duration)), '2xx': sum((result) => result['2xx']),
    errors: sum((result) => result.errors), timeouts: sum((result) => result.timeouts), non2xx: sum((result) => result.non2xx),
    latency: { p50: Math.max(...results.map((result) => result.latency.p50)), p99: Math.max(...results.map((result) => result.latency.p99)) }, cpu,
  };
}

/** Scores in the order they are sent: one cycle of each mix. */
const MIXES = {
  typical: [10, 9, 8, 10, 6, 9, 7, 10, 9, 3, 8, 8, 9, 10, 7, 5, 9, 8, 10, 0],
  uniform: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
};

// Ids as the widget makes them (`sortableId` in @npsloop/core, which plain Node cannot import from
// TypeScript): 8 characters of milliseconds, then 12 random ones, here all from this machine's clock.
const ID_ALPHABET = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
function widgetId() {
  const now = Date.now();
  let id = '';
  for (let index = 7; index >= 0; index -= 1) id += ID_ALPHABET[Math.floor(now / 64 ** index) % 64];
  for (const byte of randomBytes(12)) id += ID_ALPHABET[byte & 63];
  return id;
}

let counter = 0;
function load(url, seconds, mix = MIXES.typical, connections = CONNECTIONS) {
  return autocannon({
    url: `${url}/v1/responses`, connections, pipelining: 1, duration: seconds, method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{
      setupRequest(request) {
        counter += 1;
        const body = {
          id: widgetId(), surveyId: 'bench', score: mix[counter % mix.length],
          touchpoint: 'checkout', channel: 'web', locale: 'en', page: '/checkout', device: 'desktop',
        };
        return { ...request, body: JSON.stringify(body) };
      },
    }],
  });
}

function combine(name, runs) {
  const seconds = runs.reduce((sum, run) => sum + run.duration, 0);
  return {
    name,
    rps: runs.reduce((sum, run) => sum + run['2xx'], 0) / seconds,
    p50: Math.max(...runs.map((run) => run.latency.p50)),
    p99: Math.max(...runs.map((run) => run.latency.p99)),
    errors: runs.reduce((sum, run) => sum + run.errors + run.timeouts + run.non2xx, 0),
    ok: runs.reduce((sum, run) => sum + run['2xx'], 0),
    cpuPerRequest: runs.some((run) => run.cpu === null)
      ? null
      : (runs.reduce((sum, run) => sum + run.cpu, 0) / runs.reduce((sum, run) => sum + run['2xx'], 0)) * 1e6,
  };
}

if (!existsSync(join(packageRoot, 'dist/cli.js'))) {
  console.error('bench: packages/collector/dist/cli.js is missing; run `pnpm build` first.');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'npsloop-bench-'));
const servers = [];
// BENCH_DB: an empty PostgreSQL database to load instead of a fresh SQLite file (bench/postgres.mjs passes one).
// The collector runs with the Node.js flags every launcher of this repository gives it (bin/node-flags.js).
const collectorArgs = (db, script = 'bin/npsloop.js') => [...NODE_FLAGS, script, 'serve', '--port', '0', '--db', db, '--log-level', 'warn',
  '--rate-limit-ip', '1000000000', '--rate-limit-survey', '1000000000', ...(process.env.BENCH_ARGS ? process.env.BENCH_ARGS.split(' ') : [])];
const benchDb = process.env.BENCH_DB || join(dir, 'bench.db');

try {
  const bare = await start('bare fastify', ['--input-type=module', '-e', BARE_SERVER]);
  servers.push(bare);
  const ingest = await start('collector', collectorArgs(benchDb));
  servers.push(ingest);
  const createSurvey = async (server) => {
    const created = await fetch(`${server.url}/v1/surveys`, {
      method: 'POST', headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'bench', name: 'Benchmark', allowedOrigins: [] }),
    });
    if (created.status !== 201) throw new Error(`creating the survey failed: ${created.status}`);
  };
  await createSurvey(ingest);
  // Both mixes go to the same collector process (and database), so only the answers differ between them.
  const targets = [
    { name: 'bare Fastify POST', server: bare, mix: MIXES.typical, runs: [] },
    { name: 'ingest, typical mix', server: ingest, mix: MIXES.typical, runs: [] },
    { name: 'ingest, scores alike', server: ingest, mix: MIXES.uniform, runs: [] },
  ];
  if (PROCESSES > 1) {
    const others = [];
    for (let index = 1; index < PROCESSES; index += 1) others.push(await start(`collector ${index + 1}`, collectorArgs(benchDb)));
    servers.push(...others);
    targets.push({ name: `typical, ${PROCESSES} processes`, servers: [ingest, ...others], mix: MIXES.typical, runs: [], processes: true });
  }

  if (BASELINE) {
    const baseline = await start('baseline collector', collectorArgs(join(dir, 'baseline.db'), join(BASELINE, 'bin/npsloop.js')), BASELINE);
    servers.push(baseline);
    await createSurvey(baseline);
    targets.push({ name: 'baseline build, typical', server: baseline, mix: MIXES.typical, runs: [], baseline: true });
  }

  if (WARMUP > 0) for (const target of targets) await measuredLoad(target, WARMUP);
  for (let round = 0; round < ROUNDS; round += 1) {
    // Each round starts with another target, so no target always follows the same one.
    for (let index = 0; index < targets.length; index += 1) {
      const target = targets[(round + index) % targets.length];
      target.runs.push(await measuredLoad(target, DURATION / ROUNDS));
    }
  }
  const result = (target) => target && combine(target.name, target.runs);
  const [bareResult, typicalResult, uniformResult] = targets.slice(0, 3).map(result);
  const processesResult = result(targets.find((target) => target.processes));
  const baselineResult = result(targets.find((target) => target.baseline));
  const summary = await (await fetch(`${ingest.url}/v1/surveys/bench/summary`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json();

  const ratio = (result) => result.rps / bareResult.rps;
  const percent = (value) => `${(value * 100).toFixed(1)}%`;
  const cpu = (r) => (r.cpuPerRequest === null ? 'n/a' : `${r.cpuPerRequest.toFixed(0)} µs`);
  const row = (r) => `${r.name.padEnd(24)}${r.rps.toFixed(0).padStart(10)}${`${r.p50} ms`.padStart(10)}${`${r.p99} ms`.padStart(10)}${String(r.errors).padStart(8)}${cpu(r).padStart(16)}`;
  console.log(`\n${DURATION} s per target in ${ROUNDS} alternating rounds after ${WARMUP} s warm-up; ${CONNECTIONS} connections, no pipelining`);
  console.log(`collector: default settings except --log-level warn and rate limits raised out of the way; node ${NODE_FLAGS.join(' ')} as \`pnpm start\` and \`pnpm npsloop\` start it`);
  console.log('typical mix: NPS +30 (20% detractors, each opening a loop); scores alike: 0–10 in turn (64% detractors)');
  console.log('(latency: the worst round\'s percentile)\n');
  console.log(`${'target'.padEnd(24)}${'req/s'.padStart(10)}${'p50'.padStart(10)}${'p99'.padStart(10)}${'errors'.padStart(8)}${'server CPU/req'.padStart(16)}`);
  for (const result of [bareResult, typicalResult, uniformResult, processesResult, baselineResult].filter(Boolean)) console.log(row(result));
  console.log(`\ningest / bare throughput, typical mix: ${percent(ratio(typicalResult))}  (goal ≥ ${percent(GOAL_RATIO)})`);
  console.log(`ingest / bare throughput, scores alike: ${percent(ratio(uniformResult))}  (stress case, for comparison)`);
  if (baselineResult) console.log(`ingest / bare throughput, typical mix, baseline build (${BASELINE}): ${percent(ratio(baselineResult))}`);
  if (processesResult) console.log(`ingest / bare throughput, typical mix on ${PROCESSES} processes: ${percent(ratio(processesResult))}; p99 ${processesResult.p99} ms, errors ${processesResult.errors}`);
  console.log(`ingest p99: ${typicalResult.p99} / ${uniformResult.p99} ms  (goal ≤ 50 ms); errors: ${typicalResult.errors} / ${uniformResult.errors} (goal 0)`);
  if (bareResult.cpuPerRequest && typicalResult.cpuPerRequest && uniformResult.cpuPerRequest) {
    console.log(`server CPU per request, bare / ingest: ${percent(bareResult.cpuPerRequest / typicalResult.cpuPerRequest)} / ${percent(bareResult.cpuPerRequest / uniformResult.cpuPerRequest)} (less sensitive to other load on the machine)`);
  }
  console.log(`rows in the database: ${summary.n} (every 2xx, warm-up included); load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  const met = ratio(typicalResult) >= GOAL_RATIO && typicalResult.p99 <= 50 && typicalResult.errors === 0 && uniformResult.errors === 0;
  console.log(met ? 'all goals met' : 'GOALS NOT MET');
} finally {
  for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGTERM');
  setTimeout(() => rmSync(dir, { recursive: true, force: true }), 500);
}
