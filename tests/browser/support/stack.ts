import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { NpsFigure } from '../../../packages/core/src/index';
import { buildApp } from '../../../packages/collector/src/app';
// @ts-expect-error plain ESM script without type declarations
import { startExamplesServer } from '../../../scripts/examples-server.mjs';

/** What `GET /v1/surveys/:id/summary` answers. */
export type SummaryBody = NpsFigure & { surveyId: string; distribution: number[]; commentRate: number | null; responseRate: number | null };

/** A running collector plus the examples site, as a customer would deploy them. */
export interface Stack {
  collectorUrl: string;
  examplesUrl: string;
  adminKey: string;
  dbPath: string;
  /** GET /v1/surveys/:id/summary with the admin key. */
  summary(surveyId?: string): Promise<SummaryBody>;
  /** Calls the admin API with the admin key (e.g. to create or patch a survey); throws unless 2xx. */
  admin(method: 'POST' | 'PATCH' | 'GET', path: string, body?: unknown): Promise<unknown>;
  /** Every stored response row, read straight from the SQLite file. */
  responses(): Promise<Record<string, unknown>[]>;
  /** Every stored event row, read straight from the SQLite file. */
  events(): Promise<Record<string, unknown>[]>;
  /** Stops the collector (the port refuses connections) and keeps the database. */
  stopCollector(): Promise<void>;
  /** Starts the collector again on the same port with the same database. */
  startCollector(): Promise<void>;
  close(): Promise<void>;
}

type FastifyInstance = Awaited<ReturnType<typeof buildApp>>;

const ADMIN_KEY = 'npsloop_test_admin_key_0123456789';
const LOCAL_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'];

/** Options of `startStack`; every one is off by default. */
export interface StackOptions {
  /** Let webhooks target loopback addresses (a receiver started by the test). */
  allowPrivateWebhooks?: boolean;
  /** The SMTP server API invitations go through (e.g. a receiver started by the test), and the public URL links start with. */
  mail?: { smtpUrl: string; from: string; ratePerMinute?: number };
}

async function listen(dbPath: string, port: number, options: StackOptions = {}): Promise<FastifyInstance> {
  const app = await buildApp({ dbPath, adminKey: ADMIN_KEY, logger: false, allowPrivateWebhooks: options.allowPrivateWebhooks, mail: options.mail });
  await app.listen({ port, host: '127.0.0.1' });
  return app;
}

function readRows(dbPath: string, table: string): Record<string, unknown>[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

/**
 * Starts a real collector on a free loopback port with a fresh SQLite file,
 * creates the `demo` survey (localhost origins allowed), and serves examples/
 * pointed at that collector.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const directory = mkdtempSync(join(tmpdir(), 'npsloop-browser-'));
  const dbPath = join(directory, 'npsloop.db');
  let app: FastifyInstance | null = await listen(dbPath, 0, options);
  const port = (app.server.address() as { port: number }).port;
  const collectorUrl = `http://127.0.0.1:${port}`;
  const authorization = { authorization: `Bearer ${ADMIN_KEY}` };

  const created = await fetch(`${collectorUrl}/v1/surveys`, {
    method: 'POST',
    headers: { ...authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'demo', name: 'Demo', brand: 'Acme', allowedOrigins: LOCAL_ORIGINS }),
  });
  if (created.status !== 201) throw new Error(`creating the demo survey failed: ${created.status} ${await created.text()}`);

  const examples = await startExamplesServer({ port: 0, collectorOrigin: collectorUrl });

  return {
    collectorUrl,
    examplesUrl: examples.url,
    adminKey: ADMIN_KEY,
    dbPath,
    async summary(surveyId = 'demo') {
      const response = await fetch(`${collectorUrl}/v1/surveys/${surveyId}/summary`, { headers: authorization });
      if (!response.ok) throw new Error(`summary failed: ${response.status} ${await response.text()}`);
      return response.json();
    },
    async admin(method, path, body) {
      const response = await fetch(`${collectorUrl}${path}`, {
        method,
        headers: { ...authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path} failed: ${response.status} ${await response.text()}`);
      return response.json();
    },
    async responses() {
      return readRows(dbPath, 'responses');
    },
    async events() {
      return readRows(dbPath, 'events');
    },
    async stopCollector() {
      await app?.close();
      app = null;
    },
    async startCollector() {
      if (!app) app = await listen(dbPath, port, options);
    },
    async close() {
      await app?.close();
      app = null;
      await examples.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
