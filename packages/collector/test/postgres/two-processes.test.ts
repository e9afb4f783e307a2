import { describe, expect, it } from 'vitest';
import { ADMIN_KEY } from '../helpers.ts';
import { serveProcess, type ServerProcess } from '../support/serve-process.ts';
import { freshPostgresDatabase } from '../support/test-database.ts';
import { startReceiver } from '../webhooks/receiver.ts';

const admin = { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' };

/** A collector process on the database, delivering webhooks to loopback, with no per-IP limit (the test is one client). */
function collector(url: string): Promise<ServerProcess> {
  return serveProcess(['--port', '0', '--host', '127.0.0.1', '--db', url, '--log-level', 'warn', '--rate-limit-ip', '0', '--allow-private-webhooks'],
    { NPSLOOP_ADMIN_KEY: ADMIN_KEY });
}

async function call(server: ServerProcess, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, { method, headers: admin, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: await response.json() as Record<string, unknown> & { error?: { code: string } } };
}

/** Resolves once `check` holds, asking again as soon as the last answer is in (a deadline only catches a hang). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, deadlineMs = 30_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still not so after ${deadlineMs} ms: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('two collector processes on one PostgreSQL database', () => {
  it('store a raced id once (one 201, one 200), see each other\'s updates, deliver each webhook once, and answer the same summary', async () => {
    const url = await freshPostgresDatabase();
    // Both start on the empty database at once: the advisory lock lets one migrate, the other finds it done.
    const [first, second] = await Promise.all([collector(url), collector(url)]);
    expect((await call(first, 'POST', '/v1/surveys', { id: 'demo', name: 'Demo', allowedOrigins: ['https://shop.example'] })).status).toBe(201);
    const receiver = await startReceiver();
    const hook = await call(second, 'POST', '/v1/webhooks', { url: receiver.url, events: ['response.created', 'response.updated'] });
    expect(hook.status).toBe(201);

    // The same response id sent to both processes at the same moment, 12 times over.
    const ids = Array.from({ length: 12 }, (_, index) => `race_${String(index).padStart(4, '0')}`);
    const raced = await Promise.all(ids.map(async (id, index) => {
      const body = { id, surveyId: 'demo', score: index % 11, touchpoint: index % 2 ? 'checkout' : 'support' };
      const answers = await Promise.all([first, second].map((server) => call(server, 'POST', '/v1/responses', body)));
      return answers.map((answer) => answer.status).sort();
    }));
    expect(raced).toEqual(ids.map(() => [200, 201]));

    // An answer stored through one process and updated through the other: each sees the other's write.
    expect((await call(first, 'POST', '/v1/responses', { id: 'resp_both_01', surveyId: 'demo', score: 3 })).status).toBe(201);
    expect((await call(second, 'POST', '/v1/responses', { id: 'resp_both_01', surveyId: 'demo', score: 3, comment: 'Parcel arrived broken' })).body)
      .toEqual({ id: 'resp_both_01', status: 'updated' });
    const listed = await call(first, 'GET', '/v1/surveys/demo/responses?q=broken');
    expect((listed.body.responses as { id: string; comment: string }[]).map((row) => [row.id, row.comment])).toEqual([['resp_both_01', 'Parcel arrived broken']]);
    const loop = await call(second, 'PATCH', '/v1/responses/resp_both_01', { status: 'contacted', assignee: 'eve' });
    expect(loop.status).toBe(200);
    expect((await call(first, 'GET', '/v1/responses/resp_both_01/loop')).body).toMatchObject({ state: 'contacted', assignee: 'eve' });

    // 13 created + 1 updated: every delivery attempted once, by one process or the other, and received once.
    const deliveries = await eventually(
      async () => (await call(first, 'GET', `/v1/webhooks/${hook.body.id as string}/deliveries`)).body.deliveries as { id: string; state: string; attempts: number }[],
      (rows) => rows.length === 14 && rows.every((row) => row.state === 'succeeded'), 'every delivery succeeded');
    expect(deliveries.map((row) => row.attempts)).toEqual(deliveries.map(() => 1));
    const received = receiver.received.map((request) => request.headers['webhook-id']);
    expect(received.length).toBe(14);
    expect(new Set(received)).toEqual(new Set(deliveries.map((row) => row.id)));

    // Rollups written by two processes at once are exact, and both answer the same.
    const [summaryA, summaryB] = await Promise.all([first, second].map(async (server) => (await call(server, 'GET', '/v1/surveys/demo/summary')).body));
    expect(summaryA).toEqual(summaryB);
    expect(summaryA).toMatchObject({ n: 13 });
    expect((summaryA.distribution as number[]).reduce((sum, count) => sum + count, 0)).toBe(13);
  });
});
