// `pnpm bench:erase [-- --rows N]`: what erasing a respondent costs on SQLite, where the erasure rewrites the whole
// file (collector README, "Privacy"). Makes a database of N answers (default 200,000: half with a comment, all with
// an email), then, with the collector serving it, erases three respondents one after another while 50 answers are
// sent during each erasure; prints the file's size, each erasure's time and what the answers got.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { NODE_FLAGS } from '../bin/node-flags.js';
import { startServer } from './child-server.mjs';

// `pnpm bench:erase -- --rows N` passes the `--` on.
const argv = process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === '--'));
const { values } = parseArgs({ args: argv, options: { rows: { type: 'string', default: '200000' } } });
const ROWS = Number(values.rows);
if (!Number.isInteger(ROWS) || ROWS < 1) {
  console.error(`--rows: a whole number of answers, at least 1 (got "${values.rows}")`);
  process.exit(2);
}
const ANSWERS_DURING = 50;
const ADMIN_KEY = 'bench-admin-key';
const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'npsloop-erase-'));
const dbPath = join(folder, 'erase.db');

/** The collector serving the file, on a free loopback port. */
async function serve() {
  const { child, url } = await startServer('the collector', [...NODE_FLAGS, 'bin/npsloop.js', 'serve', '--port', '0', '--db', dbPath, '--log-level', 'warn'], {
    cwd: packageRoot, env: { NPSLOOP_ADMIN_KEY: ADMIN_KEY },
  });
  return { url, stop: () => new Promise((done) => { child.once('exit', done); child.kill('SIGTERM'); }) };
}

const call = (url, method, path, body) => fetch(url + path, {
  method, headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) },
  body: body ? JSON.stringify(body) : undefined,
});

try {
  // The schema and the survey, made by the collector itself.
  let server = await serve();
  await call(server.url, 'POST', '/v1/surveys', { id: 'bench', name: 'Bench', allowedOrigins: [] });
  await server.stop();

  // The answers, written straight into the file (the comment index's trigger indexes them) as months of a site's would be.
  const started = performance.now();
  const file = new Database(dbPath);
  const insert = file.prepare(`INSERT INTO responses (id, survey_id, score, comment, consent, email, page, created_at, updated_at)
    VALUES (?, 'bench', ?, ?, 1, ?, '/checkout', ?, ?)`);
  file.transaction(() => {
    for (let index = 0; index < ROWS; index++) {
      const at = Date.UTC(2026, 0, 1) + index * 60_000;
      const comment = index % 2 === 0 ? `The parcel came ${index % 7} days late and the box was dented (${index})` : null;
      insert.run(`resp_bench${String(index).padStart(9, '0')}`, index % 11, comment, `visitor${index}@example.org`, at, at);
    }
  })();
  file.pragma('wal_checkpoint(TRUNCATE)');
  file.close();
  const megabytes = statSync(dbPath).size / 1e6;
  console.log(`${ROWS.toLocaleString('en')} answers written in ${((performance.now() - started) / 1000).toFixed(1)} s; the file is ${megabytes.toFixed(1)} MB`);

  server = await serve();
  let sent = 0;
  for (const person of [10, 20_000, ROWS - 10].filter((index) => index >= 0 && index < ROWS)) {
    const begun = performance.now();
    const erasure = call(server.url, 'DELETE', `/v1/respondents?email=visitor${person}@example.org`);
    const answers = Array.from({ length: ANSWERS_DURING }, () => fetch(`${server.url}/v1/responses`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: `resp_during${String(sent++).padStart(6, '0')}`, surveyId: 'bench', score: 9 }),
    }));
    const erased = await erasure;
    const milliseconds = performance.now() - begun;
    const report = (await erased.json()).erased;
    const statuses = {};
    for (const answer of await Promise.all(answers)) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    console.log(`erasure of visitor ${person}: ${erased.status} in ${milliseconds.toFixed(0)} ms (responses ${report.responses}, file rewritten ${report.walCheckpointed}); `
      + `${ANSWERS_DURING} answers sent meanwhile: ${Object.entries(statuses).map(([status, count]) => `${count} × ${status}`).join(', ')}`);
  }
  await server.stop();
} finally {
  rmSync(folder, { recursive: true, force: true });
}
