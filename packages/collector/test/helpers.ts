import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { onTestFinished } from 'vitest';
import { buildApp, type AppOptions } from '../src/app.ts';
import { openDatabase } from '../src/db/database.ts';
import { dbRows } from './support/db-rows.ts';
import { freshDatabaseLocation, onPostgres } from './support/test-database.ts';

/** The admin key every test app accepts. */
export const ADMIN_KEY = 'test-admin-key-0123456789';
/** Authorization header with the admin key. */
export const asAdmin = { authorization: `Bearer ${ADMIN_KEY}` };

/** A fresh directory removed when the test ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'npsloop-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh database (no app) with survey `demo`, and the sizes of the write batches it commits from now on. */
export async function databaseWithSurvey(fileName: string) {
  const path = await freshDatabaseLocation(tempDir(), fileName);
  const batches: number[] = [];
  const database = await openDatabase({ path, onBatch: (size) => batches.push(size), foldIntervalMs: 0 });
  await database.surveys.create({ id: 'demo', name: 'Demo', allowedOrigins: [] });
  batches.length = 0;
  return { path, database, batches };
}

/** A fresh collector on a real SQLite file in a temp dir (or a fresh PostgreSQL schema in the collector-pg run), closed when the test ends. */
export async function testApp(options: Partial<AppOptions> = {}): Promise<FastifyInstance & { dbPath: string }> {
  const dbPath = options.dbPath ?? await freshDatabaseLocation(tempDir());
  const app = await buildApp({ adminKey: ADMIN_KEY, ...options, dbPath });
  onTestFinished(() => app.close());
  return Object.assign(app, { dbPath });
}

/** Creates a survey through the API (default id `demo`, origin https://shop.example). */
export async function createSurvey(app: FastifyInstance, fields: Record<string, unknown> = {}) {
  const response = await app.inject({
    method: 'POST', url: '/v1/surveys', headers: asAdmin,
    payload: { id: 'demo', name: 'Demo', brand: 'Acme', allowedOrigins: ['https://shop.example'], ...fields },
  });
  if (response.statusCode !== 201) throw new Error(`survey not created: ${response.body}`);
  return response.json();
}

/** POSTs JSON to a route. */
export function post(app: FastifyInstance, url: string, payload: unknown, headers: InjectOptions['headers'] = {}) {
  return app.inject({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers });
}

/** A valid response body with a fresh id. */
export function responseBody(fields: Record<string, unknown> = {}) {
  return { id: `r_${Math.random().toString(36).slice(2, 12)}`, surveyId: 'demo', score: 9, ...fields };
}

/** Every row of a table, straight from the database, in the order they were written (PostgreSQL: by place in the table). */
export function rows(app: { dbPath: string }, table: 'responses' | 'events' | 'surveys' | 'api_keys'): Promise<Record<string, unknown>[]> {
  return dbRows(app, `SELECT * FROM ${table} ORDER BY ${onPostgres ? 'ctid' : 'rowid'}`);
}
