import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { tempDir } from '../helpers.ts';
import { dbRows } from '../support/db-rows.ts';
import { serveProcess } from '../support/serve-process.ts';

const ADMIN_KEY = 'disk-full-admin-key-0123456789';
const quiet = { out: () => {}, err: () => {} };

/** A response with a comment big enough that a few hundred of them fill the allowed bytes. */
const answer = (index: number) => ({ id: `resp_full${String(index).padStart(6, '0')}`, surveyId: 'demo', score: index % 11, comment: `${index} `.padEnd(1500, 'x') });

async function post(url: string, body: unknown) {
  const response = await fetch(`${url}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() as { error?: { code: string } } };
}

describe('a disk that fills up under a running collector', () => {
  it('answers 503 (retryable) instead of 500, loses nothing it acknowledged, says so on /healthz, and recovers by itself', async () => {
    const dbPath = join(tempDir(), 'full.db');
    expect(await runCli(['surveys', 'create', '--id', 'demo', '--name', 'Demo', '--db', dbPath], {}, quiet)).toBe(0);
    const server = await serveProcess(['--port', '0', '--host', '127.0.0.1', '--db', dbPath, '--log-level', 'silent', '--rate-limit-ip', '0', '--rate-limit-survey', '0'],
      { NPSLOOP_ADMIN_KEY: ADMIN_KEY }, { fileSizeLimit: 600_000 });

    const acknowledged: string[] = [];
    let refused: Awaited<ReturnType<typeof post>> | null = null;
    for (let index = 0; index < 2000 && !refused; index++) {
      const result = await post(server.url, answer(index));
      if (result.status === 201) acknowledged.push(answer(index).id);
      else refused = result;
    }
    expect(acknowledged.length).toBeGreaterThan(10);
    expect(refused).toMatchObject({ status: 503, retryAfter: '5', body: { error: { code: 'storage_unavailable' } } });

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect((await health.json()).error.message).toMatch(/^database: writes fail since \S+ \(the disk (is full|reported an I\/O error)\)$/);

    // Space returns: nothing else writes, yet /healthz finds out by itself.
    execFileSync('prlimit', ['--pid', String(server.child.pid), '--fsize=unlimited']);
    await vi.waitFor(async () => expect((await fetch(`${server.url}/healthz`)).status).toBe(200), { timeout: 20_000, interval: 250 });
    expect((await post(server.url, answer(5000))).status).toBe(201);

    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    const stored = new Set((await dbRows({ dbPath }, 'SELECT id FROM responses')).map((row) => row.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.has(answer(5000).id)).toBe(true);
  });
});
