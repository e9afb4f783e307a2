/** A collector with the `demo` survey, answers written at chosen instants through the real write path, and GET helpers. */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { asAdmin, createSurvey, testApp } from '../helpers.ts';

type App = Awaited<ReturnType<typeof testApp>>;

/** Fields of a response written by a test; `at` is the server time it is stored with. */
export interface Answer {
  id?: string;
  score: number;
  at: number | string;
  comment?: string;
  touchpoint?: string;
  channel?: 'web' | 'app' | 'email' | 'link';
  locale?: string;
  journey?: string;
  properties?: Record<string, string | number | boolean>;
}

let sequence = 0;

/** A fresh app with the `demo` survey. */
export async function analyticsApp(): Promise<App> {
  const app = await testApp();
  await createSurvey(app);
  return app;
}

/** Stores answers through the group-commit write path at their instants. */
export async function answer(app: FastifyInstance, answers: Answer[]): Promise<void> {
  await Promise.all(
    answers.map(({ at, id, ...fields }) =>
      app.db.ingestResponse({ id: id ?? `answer_${++sequence}`, surveyId: 'demo', ...fields }, typeof at === 'string' ? Date.parse(at) : at),
    ),
  );
}

/** Stores prompt events through the write path. */
export async function prompt(app: FastifyInstance, type: 'shown' | 'dismissed', at: string, count: number, fields: { touchpoint?: string } = {}) {
  await Promise.all(
    Array.from({ length: count }, () => app.db.ingestEvent({ id: `event_${++sequence}`, surveyId: 'demo', type, ...fields }, Date.parse(at))),
  );
}

/** GET with the admin key: status and parsed JSON body. */
export async function get(app: FastifyInstance, url: string) {
  const response = await app.inject({ url, headers: asAdmin });
  return { status: response.statusCode, body: String(response.headers['content-type']).startsWith('application/json') ? response.json() : response.body, response };
}

/** GETs a URL that must be refused with 400 `invalid_request`, the message containing `message`. */
export async function expectBadRequest(app: FastifyInstance, url: string, message: string): Promise<void> {
  const { status, body } = await get(app, url);
  expect(status, url).toBe(400);
  expect(body.error.code).toBe('invalid_request');
  expect(body.error.message).toContain(message);
}
