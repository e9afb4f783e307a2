import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dialect } from '../../src/db/dialect.ts';
import { queryTemplate } from '../../src/db/executor.ts';
import { openPostgresDialect } from '../../src/db/postgres/postgres-dialect.ts';
import { freshPostgresSchema } from '../support/test-database.ts';

let dialect: Dialect | undefined;
let proxy: Server | undefined;
const relaySockets = new Set<Socket>();
afterEach(async () => {
  await dialect?.close();
  dialect = undefined;
  for (const socket of relaySockets) socket.destroy();
  relaySockets.clear();
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  proxy = undefined;
});

/**
 * A TCP relay to the server that counts round trips: the times the client wrote again after an answer from the
 * server reached it. Statements written together (pipelined) count once.
 */
async function roundTripCounter(url: string): Promise<{ url: string; roundTrips: () => number }> {
  const target = new URL(url);
  let roundTrips = 0;
  proxy = createServer((client) => {
    let answered = true;
    const server = createConnection({ host: target.hostname, port: Number(target.port), noDelay: true });
    client.setNoDelay(true);
    relaySockets.add(client).add(server);
    client.on('data', (chunk) => {
      if (answered) roundTrips++;
      answered = false;
      server.write(chunk);
    });
    server.on('data', (chunk) => {
      answered = true;
      client.write(chunk);
    });
    // Either side ending or failing ends the other, so closing the pool is not left waiting on the relay.
    for (const [one, other] of [[client, server], [server, client]]) {
      one.on('end', () => other.end());
      one.on('close', () => other.destroy());
      one.on('error', () => other.destroy());
    }
  });
  const listening = proxy;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  const relayed = new URL(url);
  relayed.port = String((listening.address() as { port: number }).port);
  return { url: relayed.toString(), roundTrips: () => roundTrips };
}

/** A dialect on a fresh schema with one connection (every transaction below reuses it), and a survey insert template. */
async function openOneConnection() {
  dialect = await openPostgresDialect({ url: await freshPostgresSchema(), poolSize: 1 });
  const open = dialect;
  const insertSurvey = queryTemplate<'id'>((value) => open.db.insertInto('surveys')
    .values({ id: value('id'), name: 'Pipelined', brand: null, settings: '{}', allowed_origins: '[]', active: 1, created_at: 1, updated_at: 1 }));
  const surveyIds = async () => (await open.db.selectFrom('surveys').select('id').orderBy('id').execute()).map((row) => row.id);
  return { open, insertSurvey, surveyIds };
}

describe('transactions on PostgreSQL (BEGIN sent with the first statement, COMMIT with the last)', () => {
  it('take two round trips for a first statement and one left for the commit, not four', async () => {
    const counter = await roundTripCounter(await freshPostgresSchema());
    dialect = await openPostgresDialect({ url: counter.url, poolSize: 1 });
    const open = dialect;
    const insertSurvey = queryTemplate<'id'>((value) => open.db.insertInto('surveys')
      .values({ id: value('id'), name: 'Pipelined', brand: null, settings: '{}', allowed_origins: '[]', active: 1, created_at: 1, updated_at: 1 }));
    // The connection is open and its migration done before counting.
    await open.transaction(async (tx) => {
      await tx.run(insertSurvey, { id: 'warm' });
    });
    const before = counter.roundTrips();
    await open.transaction(async (tx) => {
      await tx.run(insertSurvey, { id: 'first' });
      await tx.runAtCommit(insertSurvey, { id: 'last' });
    });
    // [BEGIN + insert], [insert + COMMIT]; one at a time it would be BEGIN, insert, insert, COMMIT.
    expect(counter.roundTrips() - before).toBe(2);
    expect((await open.db.selectFrom('surveys').select('id').orderBy('id').execute()).map((row) => row.id)).toEqual(['first', 'last', 'warm']);
  });

  it('commit the work and the statement left for the commit together', async () => {
    const { open, insertSurvey, surveyIds } = await openOneConnection();
    const changes = await open.transaction(async (tx) => {
      await tx.run(insertSurvey, { id: 'first' });
      await tx.db.updateTable('surveys').set({ name: 'Renamed' }).where('id', '=', 'first').execute();
      await tx.runAtCommit(insertSurvey, { id: 'last' });
      return tx.changes();
    });
    // The template's insert and Kysely's update both count; the statement left for the commit runs after.
    expect(changes).toBe(2);
    expect(await surveyIds()).toEqual(['first', 'last']);
    expect((await open.db.selectFrom('surveys').select('name').where('id', '=', 'first').executeTakeFirstOrThrow()).name).toBe('Renamed');
  });

  it('roll everything back when the statement left for the commit fails, and reject with its error', async () => {
    const { open, insertSurvey, surveyIds } = await openOneConnection();
    const failed = open.transaction(async (tx) => {
      await tx.run(insertSurvey, { id: 'kept-out' });
      // The same id again: a unique violation, found only when COMMIT is already on its way.
      await tx.runAtCommit(insertSurvey, { id: 'kept-out' });
    });
    await expect(failed).rejects.toMatchObject({ code: '23505' });
    expect(await surveyIds()).toEqual([]);
    // The one connection is back in the pool, out of the aborted transaction: the next one commits.
    await open.transaction(async (tx) => {
      await tx.run(insertSurvey, { id: 'after' });
    });
    expect(await surveyIds()).toEqual(['after']);
  });

  it('roll back when the work throws, and refuse a statement after the one left for the commit', async () => {
    const { open, insertSurvey, surveyIds } = await openOneConnection();
    await expect(open.transaction(async (tx) => {
      await tx.run(insertSurvey, { id: 'undone' });
      throw new Error('the work failed');
    })).rejects.toThrow('the work failed');
    await expect(open.transaction(async (tx) => {
      await tx.runAtCommit(insertSurvey, { id: 'left-for-commit' });
      await tx.run(insertSurvey, { id: 'too-late' });
    })).rejects.toThrow('a statement after the one left for the commit');
    expect(await surveyIds()).toEqual([]);
  });

  it('answer a failed statement inside the work with its own error, the transaction then aborted', async () => {
    const { open, insertSurvey, surveyIds } = await openOneConnection();
    let intactAfterFailure: boolean | undefined;
    await expect(open.transaction(async (tx) => {
      await tx.run(insertSurvey, { id: 'twice' });
      try {
        await tx.run(insertSurvey, { id: 'twice' });
      } catch {
        intactAfterFailure = await tx.intact();
      }
      await tx.run(insertSurvey, { id: 'after-failure' });
    })).rejects.toMatchObject({ code: '25P02' });
    expect(intactAfterFailure).toBe(false);
    expect(await surveyIds()).toEqual([]);
  });
});
