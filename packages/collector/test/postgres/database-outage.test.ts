import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createSurvey, post, testApp } from '../helpers.ts';
import { dbRows } from '../support/db-rows.ts';
import { startPostgresServer } from '../support/postgres-server.ts';

describe('PostgreSQL going away under load', () => {
  // Over a Unix socket the socket file is gone while the server is down: connecting fails with ENOENT, not ECONNREFUSED.
  it.each(['TCP', 'a Unix socket'])('over %s: answers 503 in the envelope meanwhile, says so on /healthz, loses nothing acknowledged, and reconnects by itself', async (transport) => {
    // A server of this test's own, so stopping it disturbs no other test.
    const server = await startPostgresServer();
    onTestFinished(() => server.destroy());
    const app = await testApp({ dbPath: transport === 'TCP' ? server.url : server.socketUrl, webhookPollMs: 0 });
    await createSurvey(app);

    const acknowledged = new Set<string>();
    const refusals: { status: number; body: unknown }[] = [];
    let sending = true;
    // Four clients post new answers; each retries an answer until it is acknowledged, as the widget's outbox does.
    const client = async (name: string) => {
      for (let count = 0; sending; count++) {
        const id = `load_${name}_${String(count).padStart(5, '0')}`;
        for (;;) {
          const response = await post(app, '/v1/responses', { id, surveyId: 'demo', score: count % 11 });
          if (response.statusCode === 201 || response.statusCode === 200) {
            acknowledged.add(id);
            break;
          }
          refusals.push({ status: response.statusCode, body: response.json() });
          await sleep(20);
        }
      }
    };
    const waitFor = async (check: () => boolean | Promise<boolean>) => {
      while (!(await check())) await sleep(20);
    };
    const healthz = async () => (await app.inject({ url: '/healthz' })).statusCode;
    const clients = ['a', 'b', 'c', 'd'].map(client);

    await waitFor(() => acknowledged.size >= 40);
    await server.stop();
    await waitFor(() => refusals.length >= 8);
    expect(await healthz()).toBe(503);
    const countWhileDown = acknowledged.size;
    await server.start();
    await waitFor(async () => (await healthz()) === 200);
    await waitFor(() => acknowledged.size >= countWhileDown + 40);
    sending = false;
    await Promise.all(clients);

    expect(refusals.length).toBeGreaterThan(0);
    for (const refusal of refusals) {
      expect(refusal).toEqual({ status: 503, body: { error: {
        code: 'storage_unavailable', message: 'The database cannot do this right now (the database server cannot be reached); nothing was changed, try again shortly',
      } } });
    }
    const stored = new Set((await dbRows({ dbPath: server.url }, 'SELECT id FROM responses')).map((row) => row.id as string));
    expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBe(acknowledged.size);
    const summary = (await app.inject({ url: '/v1/surveys/demo/summary', headers: { authorization: 'Bearer test-admin-key-0123456789' } })).json();
    expect(summary.n).toBe(acknowledged.size);
  });
});
