// `pnpm start`: the product with its embedded defaults. Starts the collector
// on an SQLite file under ./data/, makes sure the `demo` survey exists (it
// accepts any localhost origin) with its demo data, serves examples/ with the
// widget, and prints where to go and an admin key for the demo.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_FLAGS } from '../packages/collector/bin/node-flags.js';
import { startExamplesServer } from './examples-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'packages/collector/bin/npsloop.js');
const dataDir = join(root, 'data');
const dbPath = process.env.NPSLOOP_DB ?? join(dataDir, 'npsloop.db');
const port = Number(process.env.PORT ?? 8787);
const examplesPort = Number(process.env.EXAMPLES_PORT ?? 5173);
const collectorOrigin = `http://localhost:${port}`;

function demoAdminKey() {
  if (process.env.NPSLOOP_ADMIN_KEY) return process.env.NPSLOOP_ADMIN_KEY;
  const keyFile = join(dataDir, 'demo-admin-key');
  if (existsSync(keyFile)) return readFileSync(keyFile, 'utf8').trim();
  const key = `npsk_${randomBytes(32).toString('base64url')}`;
  writeFileSync(keyFile, key + '\n', { mode: 0o600 });
  return key;
}

function runCli(args, failure) {
  const result = spawnSync(process.execPath, [cli, ...args, '--db', dbPath], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    console.error(`${failure}; see the message above.`);
    process.exit(result.status ?? 1);
  }
}

/** The `demo` survey, and its demo data the first time (`npsloop demo` adds nothing when it is there). */
function ensureDemoSurvey() {
  runCli(['surveys', 'create', '--id', 'demo', '--name', 'Acme webshop (demo)', '--brand', 'Acme',
    '--origin', 'http://localhost:*', '--origin', 'http://127.0.0.1:*', '--if-missing'], 'Could not create the demo survey');
  runCli(['demo', '--survey', 'demo'], 'Could not fill the demo data');
}

mkdirSync(dataDir, { recursive: true });
const adminKey = demoAdminKey();
ensureDemoSurvey();

// The collector logs JSON lines; warnings and errors (or everything from NPSLOOP_LOG_LEVEL on) are
// shown here as one readable line each. Its own failures to start come on stderr as they are.
const logLevel = process.env.NPSLOOP_LOG_LEVEL || 'warn';
const collector = spawn(process.execPath, [...NODE_FLAGS, cli, 'serve', '--port', String(port), '--db', dbPath, '--log-level', logLevel], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, NPSLOOP_ADMIN_KEY: adminKey },
});
const LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warning', 50: 'error', 60: 'fatal' };
createInterface({ input: collector.stdout }).on('line', (line) => {
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    return void console.error(`collector: ${line}`);
  }
  const request = entry.req ? ` (${entry.req.method} ${entry.req.url}${entry.res ? ` → ${entry.res.statusCode}` : ''})` : '';
  const cause = entry.err ? `: ${entry.err.type ?? 'Error'}: ${entry.err.message}` : '';
  console.error(`collector ${LEVELS[entry.level] ?? entry.level}: ${entry.msg}${request}${cause}`);
});

// Ctrl+C reaches every process of the terminal's group: the collector finishes its writes and
// exits, then so does this script, with 0, so `pnpm start` ends without a failure message.
let stopping = false;
let examples = null;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  collector.kill(signal);
  examples?.close();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
collector.on('exit', (code) => {
  examples?.close();
  if (!stopping) console.error(`The collector stopped (exit code ${code}); see its message above.`);
  process.exit(stopping ? 0 : code ?? 1);
});

async function waitForHealth() {
  for (let attempt = 0; attempt < 100 && collector.exitCode === null; attempt += 1) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {}
    await new Promise((done) => setTimeout(done, 100));
  }
  if (collector.exitCode !== null) return;
  console.error(`The collector did not come up on port ${port}.`);
  collector.kill('SIGTERM');
  process.exit(1);
}

await waitForHealth();
examples = await startExamplesServer({ port: examplesPort, host: '127.0.0.1', collectorOrigin });
const examplesUrl = examples.url.replace('127.0.0.1', 'localhost');

console.log(`
npsloop is running.

  Example page      ${examplesUrl}/plain-html/   (answer the survey here)
  Other examples    ${examplesUrl}/
  Dashboard         ${collectorOrigin}/dashboard/   (sign in with the admin key below)
  Collector         ${collectorOrigin}
  API docs          ${collectorOrigin}/docs
  Database          ${dbPath}

  Admin key (demo)  ${adminKey}

  Try:  curl -H "Authorization: Bearer ${adminKey}" ${collectorOrigin}/v1/surveys/demo/summary

Ctrl+C stops everything; answers already acknowledged are on disk.
`);
