import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { responseBody, tempDir } from './helpers.ts';
import { exited, serveProcess } from './support/serve-process.ts';

describe('npsloop serve (the built CLI)', () => {
  it('reads PORT, HOST, NPSLOOP_DB and NPSLOOP_ADMIN_KEY, creates the db directory, prints its URL, stops on SIGINT', { timeout: 30_000 }, async () => {
    const dbPath = join(tempDir(), 'nested', 'deeper', 'npsloop.db');
    const server = await serveProcess([], { PORT: '0', HOST: '127.0.0.1', NPSLOOP_DB: dbPath, NPSLOOP_ADMIN_KEY: 'env-admin-key', NPSLOOP_LOG_LEVEL: 'warn' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.output()).toContain(`(db ${dbPath})`);
    expect(existsSync(dbPath)).toBe(true);
    const created = await fetch(`${server.url}/v1/surveys`, {
      method: 'POST', headers: { authorization: 'Bearer env-admin-key', 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'demo', name: 'Demo', allowedOrigins: ['http://localhost:*'] }),
    });
    expect(created.status).toBe(201);
    expect((await fetch(`${server.url}/v1/surveys`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    server.child.kill('SIGINT');
    await exited(server.child);
    expect(server.child.exitCode).toBe(0);
  });

  it('started from `node --input-type=module -e`, its background thread still checkpoints the WAL into the file', { timeout: 60_000 }, async () => {
    // Threads inherit the process's flags; with this one the checkpointer's CommonJS source failed to load, unseen.
    const dbPath = join(tempDir(), 'embedded.db');
    const server = await serveProcess(['--port', '0', '--db', dbPath, '--log-level', 'warn'], { NPSLOOP_ADMIN_KEY: 'admin' }, { fromModuleEval: true });
    const created = await fetch(`${server.url}/v1/surveys`, {
      method: 'POST', headers: { authorization: 'Bearer admin', 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'demo', name: 'Demo', allowedOrigins: [] }),
    });
    expect(created.status).toBe(201);
    const sizeBefore = statSync(dbPath).size;
    const answers = Array.from({ length: 400 }, () => ({ ...responseBody(), comment: 'x'.repeat(1000) }));
    for (let start = 0; start < answers.length; start += 50) {
      const statuses = await Promise.all(answers.slice(start, start + 50).map(async (answer) => (await fetch(`${server.url}/v1/responses`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(answer),
      })).status));
      expect(statuses.every((status) => status === 201)).toBe(true);
    }
    // 400 KB of answers are far below the main connection's own checkpoint threshold: only the thread can grow the file.
    await vi.waitFor(() => expect(statSync(dbPath).size).toBeGreaterThan(sizeBefore + 200_000), { timeout: 30_000, interval: 100 });
    server.child.kill('SIGINT');
    await exited(server.child);
    expect(server.child.exitCode).toBe(0);
  });

  it('flags win over the environment; a bad flag exits 2 with the reason', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const server = await serveProcess(['--port', '0', '--db', join(dir, 'flag.db'), '--log-level', 'silent'], { NPSLOOP_DB: join(dir, 'env.db'), PORT: '1' });
    expect(existsSync(join(dir, 'flag.db'))).toBe(true);
    expect(existsSync(join(dir, 'env.db'))).toBe(false);
    server.child.kill('SIGTERM');
    await exited(server.child);
    await expect(serveProcess(['--port', 'eighty'])).rejects.toThrow(/exited \(2\)[\s\S]*--port: must be a whole number/);
  });
});
