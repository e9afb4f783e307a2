// `pnpm bench`: ingest throughput against a bare Fastify POST route on the same
// machine, same load (autocannon, 100 connections, no pipelining), each server in
// its own child process on 127.0.0.1, the collector on a fresh database.
// Runs alternate (bare, ingest, bare, ingest) so background load hits both alike.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = 100;
const ADMIN_KEY = 'bench-admin-key';

const BARE_SERVER = `
import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.post('/v1/responses', async (request, reply) => reply.code(201).send({ id: request.body.id, status: 'created' }));
await app.listen({ port: 0, host: '127.0.0.1' });
console.log('listening on http://127.0.0.1:' + app.server.address().port);
`;

function start(name, args) {
  const child = spawn(process.execPath, args, {
    cwd: packageRoot, env: { ...process.env, NPSLOOP_ADMIN_KEY: ADMIN_KEY }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before listening`)));
  });
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

/** One autocannon run, with the server's CPU time spent during it. */
async function measuredLoad(server, seconds) {
  const before = cpuSeconds(server.child.pid);
  const result = await load(server.url, seconds);
  const after = cpuSeconds(server.child.pid);
  return { ...result, cpu: before === null || after === null ? null : after - before };
}

let counter = 0;
function load(url, seconds) {
  return autocannon({
    url: `${url}/v1/responses`, connections: CONNECTIONS, pipelining: 1, duration: seconds, method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{
      setupRequest(request) {
        counter += 1;
        const body = {
          id: `bench_${counter.toString(36).padStart(8, '0')}`, surveyId: 'bench', score: counter % 11,
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
try {
  const bare = await start('bare fastify', ['--input-type=module', '-e', BARE_SERVER]);
  servers.push(bare);
  const ingest = await start('collector', ['bin/npsloop.js', 'serve', '--port', '0', '--db', join(dir, 'bench.db'),
    '--log-level', 'warn', '--rate-limit-ip', '1000000000', '--rate-limit-survey', '1000000000', ...(process.env.BENCH_ARGS ? process.env.BENCH_ARGS.split(' ') : [])]);
  servers.push(ingest);
  const created = await fetch(`${ingest.url}/v1/surveys`, {
    method: 'POST', headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'bench', name: 'Benchmark', allowedOrigins: [] }),
  });
  if (created.status !== 201) throw new Error(`creating the survey failed: ${created.status}`);

  if (WARMUP > 0) {
    await load(bare.url, WARMUP);
    await load(ingest.url, WARMUP);
  }
  const bareRuns = [];
  const ingestRuns = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    bareRuns.push(await measuredLoad(bare, DURATION / ROUNDS));
    ingestRuns.push(await measuredLoad(ingest, DURATION / ROUNDS));
  }
  const bareResult = combine('bare Fastify POST', bareRuns);
  const ingestResult = combine('POST /v1/responses', ingestRuns);
  const summary = await (await fetch(`${ingest.url}/v1/surveys/bench/summary`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json();

  const ratio = ingestResult.rps / bareResult.rps;
  const cpu = (r) => (r.cpuPerRequest === null ? 'n/a' : `${r.cpuPerRequest.toFixed(0)} µs`);
  const row = (r) => `${r.name.padEnd(22)}${r.rps.toFixed(0).padStart(10)}${`${r.p50} ms`.padStart(10)}${`${r.p99} ms`.padStart(10)}${String(r.errors).padStart(8)}${cpu(r).padStart(14)}`;
  console.log(`\n${DURATION} s per target in ${ROUNDS} alternating rounds after ${WARMUP} s warm-up; ${CONNECTIONS} connections, no pipelining`);
  console.log('collector: default settings except --log-level warn and rate limits raised out of the way');
  console.log('(latency: the worst round\'s percentile)\n');
  console.log(`${'target'.padEnd(22)}${'req/s'.padStart(10)}${'p50'.padStart(10)}${'p99'.padStart(10)}${'errors'.padStart(8)}${'server CPU/req'.padStart(14)}`);
  console.log(row(bareResult));
  console.log(row(ingestResult));
  console.log(`\ningest / bare throughput: ${(ratio * 100).toFixed(1)}%  (goal ≥ 80%)`);
  console.log(`ingest p99: ${ingestResult.p99} ms  (goal ≤ 50 ms); errors: ${ingestResult.errors} (goal 0)`);
  if (bareResult.cpuPerRequest && ingestResult.cpuPerRequest) {
    console.log(`server CPU per request, bare / ingest: ${((bareResult.cpuPerRequest / ingestResult.cpuPerRequest) * 100).toFixed(1)}% (less sensitive to other load on the machine)`);
  }
  console.log(`rows in the database: ${summary.n} (every 2xx, warm-up included); load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  const met = ratio >= 0.8 && ingestResult.p99 <= 50 && ingestResult.errors === 0;
  console.log(met ? 'all goals met' : 'GOALS NOT MET');
} finally {
  for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGTERM');
  setTimeout(() => rmSync(dir, { recursive: true, force: true }), 500);
}
