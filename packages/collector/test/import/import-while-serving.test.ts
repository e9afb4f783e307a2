import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { tempDir } from '../helpers.ts';
import { dbValue } from '../support/db-rows.ts';
import { exited, serveProcess } from '../support/serve-process.ts';

const cliPath = fileURLToPath(new URL('../../bin/npsloop.js', import.meta.url));
const quiet = { out: () => {}, err: () => {} };

/** A database with the `demo` survey and a CSV of `rows` historical answers beside it. */
async function setup(rows: number) {
  const dir = tempDir();
  const dbPath = join(dir, 'npsloop.db');
  expect(await runCli(['surveys', 'create', '--id', 'demo', '--name', 'Demo', '--db', dbPath], {}, quiet)).toBe(0);
  const start = Date.parse('2024-01-01T00:00:00Z');
  const lines = Array.from({ length: rows }, (_, index) => `${new Date(start + index * 60_000).toISOString()},${index % 11},comment ${index}`);
  const csv = join(dir, 'history.csv');
  writeFileSync(csv, `created_at,score,comment\n${lines.join('\n')}\n`);
  return { dbPath, csv };
}

/** `npsloop import` in a process of its own; resolves with its exit code and stderr. */
function importProcess(csv: string, dbPath: string) {
  const child = spawn(process.execPath, [cliPath, 'import', '--survey', 'demo', '--db', dbPath, csv], { stdio: ['ignore', 'pipe', 'pipe'] });
  onTestFinished(() => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
  return { child, done };
}

const count = async (dbPath: string) => Number(await dbValue({ dbPath }, 'SELECT COUNT(*) FROM responses'));

describe('npsloop import next to a serving collector', () => {
  it('writes in short transactions: every answer the collector takes meanwhile is stored (no 5xx), and so is every row', async () => {
    const rows = 40_000;
    const { dbPath, csv } = await setup(rows);
    const server = await serveProcess(['--port', '0', '--host', '127.0.0.1', '--db', dbPath, '--log-level', 'silent', '--rate-limit-ip', '0', '--rate-limit-survey', '0']);
    const run = importProcess(csv, dbPath);
    let finished = false;
    void run.done.then(() => (finished = true));

    const statuses = new Map<number, number>();
    for (let index = 0; !finished; index++) {
      const response = await fetch(`${server.url}/v1/responses`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: `resp_live${String(index).padStart(7, '0')}`, surveyId: 'demo', score: 9 }),
      });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    const result = await run.done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`Writing   [${'#'.repeat(30)}] 100% ${rows}/${rows}`);
    const live = statuses.get(201) ?? 0;
    expect([...statuses.keys()]).toEqual([201]);
    expect(live).toBeGreaterThan(0);
    server.child.kill('SIGTERM');
    await exited(server.child);
    expect(await count(dbPath)).toBe(rows + live);
  }, 120_000);

  it('a rerun after the import process is killed mid-way finishes the file without a duplicate', async () => {
    const rows = 20_000;
    const { dbPath, csv } = await setup(rows);
    const first = importProcess(csv, dbPath);
    // The signal: rows are committed (the first short transactions are done); then the process dies at once.
    await vi.waitFor(async () => expect(await count(dbPath)).toBeGreaterThan(0), { timeout: 60_000, interval: 10 });
    first.child.kill('SIGKILL');
    await first.done;
    const afterCrash = await count(dbPath);

    const rerun = await importProcess(csv, dbPath).done;
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toContain(`Imported ${rows - afterCrash} of ${rows} rows into survey "demo" (${afterCrash} already imported, 0 rejected).`);
    expect(await count(dbPath)).toBe(rows);
    expect(await dbValue({ dbPath }, 'SELECT COUNT(DISTINCT comment) FROM responses')).toBe(rows);
  }, 120_000);
});
