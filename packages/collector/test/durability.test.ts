import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';
import { exited, serveProcess } from './support/serve-process.ts';

const ADMIN_KEY = 'durability-admin-key';

function serve(dbPath: string) {
  return serveProcess(['--port', '0', '--host', '127.0.0.1', '--db', dbPath, '--log-level', 'warn', '--rate-limit-ip', '0'], { NPSLOOP_ADMIN_KEY: ADMIN_KEY });
}

function storedIds(dbPath: string): Set<string> {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    return new Set((db.prepare('SELECT id FROM responses').all() as { id: string }[]).map((row) => row.id));
  } finally {
    db.close();
  }
}

/** Sends responses from 16 concurrent clients until told to stop or the server goes away; returns the ids answered 201. */
function startLoad(url: string) {
  const acknowledged: string[] = [];
  let stopped = false;
  const worker = async (workerId: number) => {
    for (let n = 0; !stopped; n += 1) {
      const id = `dur_${workerId}_${n}_${Math.random().toString(36).slice(2, 8)}`;
      try {
        const response = await fetch(`${url}/v1/responses`, {
          method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ id, surveyId: 'demo', score: n % 11 }),
        });
        if (response.status === 201) acknowledged.push(id);
        await response.arrayBuffer();
      } catch {
        return; // The server is gone.
      }
    }
  };
  const workers = Array.from({ length: 16 }, (_, index) => worker(index));
  return {
    acknowledged,
    async until(count: number, child: ChildProcess) {
      while (acknowledged.length < count) {
        if (child.exitCode !== null) throw new Error('the server stopped before the signal');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    async stop() {
      stopped = true;
      await Promise.all(workers);
    },
  };
}

async function createDemoSurvey(url: string) {
  const created = await fetch(`${url}/v1/surveys`, {
    method: 'POST', headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'demo', name: 'Demo', allowedOrigins: [] }),
  });
  expect(created.status).toBe(201);
}

describe('durability', () => {
  it('every response answered 2xx survives SIGKILL under concurrent load', { timeout: 60_000 }, async () => {
    const dbPath = join(tempDir(), 'durable.db');
    const first = await serve(dbPath);
    await createDemoSurvey(first.url);
    const load = startLoad(first.url);
    await load.until(400, first.child);
    first.child.kill('SIGKILL');
    await load.stop();
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    const acknowledged = load.acknowledged;

    const second = await serve(dbPath);
    const health = await fetch(`${second.url}/healthz`);
    expect(health.status).toBe(200);
    const summary = await (await fetch(`${second.url}/v1/surveys/demo/summary`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json();
    expect(summary.n).toBeGreaterThanOrEqual(acknowledged.length);
    const stored = storedIds(dbPath);
    const lost = acknowledged.filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    second.child.kill('SIGTERM');
    await exited(second.child);
    expect(second.child.exitCode).toBe(0);
  });

  it('SIGTERM under load finishes in-flight writes and exits 0', { timeout: 60_000 }, async () => {
    const dbPath = join(tempDir(), 'graceful.db');
    const server = await serve(dbPath);
    await createDemoSurvey(server.url);
    const load = startLoad(server.url);
    await load.until(200, server.child);
    server.child.kill('SIGTERM');
    await exited(server.child);
    await load.stop();
    expect(server.child.exitCode).toBe(0);
    const stored = storedIds(dbPath);
    expect(load.acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  });
});
