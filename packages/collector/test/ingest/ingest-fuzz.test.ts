import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventBodySchema, responseBodySchema } from '../../src/ingest/ingest-schemas.ts';
import { createSurvey, post, responseBody, rows, testApp } from '../helpers.ts';

const CONTENT_TYPES = ['application/json', 'text/plain', 'text/plain;charset=UTF-8', 'application/json; charset=utf-8'];
const RESPONSE_KEYS = ['id', 'surveyId', 'score', 'comment', 'consent', 'respondent', 'touchpoint', 'channel', 'journey', 'locale', 'page', 'device', 'properties'];
const EVENT_KEYS = ['id', 'surveyId', 'type', 'touchpoint', 'channel', 'locale', 'page'];
const validResponse = { id: 'fuzz_valid_01', surveyId: 'demo', score: 8, comment: 'ok', channel: 'web', properties: { plan: 'pro' } };
const validEvent = { id: 'fuzz_event_01', surveyId: 'demo', type: 'shown', page: '/' };

const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', '🙂'.repeat(3000), 'x'.repeat(17_000), 'y'.repeat(70_000), '%00', '{{', '../../etc/passwd'),
);
const anyValue = fc.oneof(fc.anything({ maxDepth: 3 }), oddText, fc.double(), fc.bigInt().map(String), fc.constant(null));
const pollutionKey = fc.constantFrom('__proto__', 'constructor', 'prototype');

/** JSON text with one own key inserted verbatim, so `__proto__` really reaches the server as a key. */
function withKey(body: object, key: string, value: unknown, where: 'top' | 'properties' | 'respondent'): string {
  const entry = `${JSON.stringify(key)}:${JSON.stringify(value ?? null) ?? 'null'}`;
  if (where === 'top') return JSON.stringify(body).replace(/^\{/, `{${entry},`);
  return JSON.stringify({ ...body, [where]: { a: 'b' } }).replace(`"${where}":{`, `"${where}":{${entry},`);
}

function malformedBodies(valid: Record<string, unknown>, keys: readonly string[]) {
  const unknownKey = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((key) => !keys.includes(key));
  return fc.oneof(
    // An unknown or prototype-polluting key somewhere.
    fc.tuple(fc.oneof(unknownKey, pollutionKey), anyValue).map(([key, value]) => withKey(valid, key, value, 'top')),
    fc.tuple(pollutionKey, anyValue, fc.constantFrom('properties', 'respondent') as fc.Arbitrary<'properties' | 'respondent'>)
      .map(([key, value, where]) => withKey(valid, key, value, where)),
    // A known field with a value of the wrong type or out of bounds.
    fc.tuple(fc.constantFrom(...keys), anyValue).map(([key, value]) => JSON.stringify({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => JSON.stringify({ ...valid, [key]: 'z'.repeat(5001) })),
    // A required field missing, or not an object at all.
    fc.constantFrom('id', 'surveyId').map((key) => JSON.stringify({ ...valid, [key]: undefined })),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
    // Not JSON.
    oddText,
  );
}

async function fuzz(url: string, valid: Record<string, unknown>, keys: readonly string[], accepts: (body: unknown) => boolean) {
  const app = await testApp({ rateLimit: { perIp: 0, perSurvey: 0 } });
  await createSurvey(app);
  const seen = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(malformedBodies(valid, keys), fc.constantFrom(...CONTENT_TYPES), async (payload, contentType) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(payload);
      } catch {
        parsed = undefined;
      }
      fc.pre(!accepts(parsed));
      const response = await post(app, url, payload, { 'content-type': contentType });
      seen.set(response.statusCode, (seen.get(response.statusCode) ?? 0) + 1);
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(Object.keys(response.json())).toEqual(['error']);
    }),
    { numRuns: 1500 },
  );
  expect(await rows(app, 'responses')).toEqual([]);
  expect(await rows(app, 'events')).toEqual([]);
  expect(({} as Record<string, unknown>).admin).toBeUndefined();
  // Still serving afterwards.
  expect((await post(app, '/v1/responses', responseBody())).statusCode).toBe(201);
  expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  return seen;
}

describe('malformed bodies at the public endpoints', () => {
  it('POST /v1/responses: always 4xx, never 5xx, nothing stored', { timeout: 60_000 }, async () => {
    const seen = await fuzz('/v1/responses', validResponse, RESPONSE_KEYS, (body) => responseBodySchema.safeParse(body).success);
    expect(seen.get(400)).toBeGreaterThan(600);
  });

  it('POST /v1/events: always 4xx, never 5xx, nothing stored', { timeout: 60_000 }, async () => {
    const seen = await fuzz('/v1/events', validEvent, EVENT_KEYS, (body) => eventBodySchema.safeParse(body).success);
    expect(seen.get(400)).toBeGreaterThan(600);
  });

  it('the hosted page never answers 5xx to odd queries and forms', { timeout: 60_000 }, async () => {
    const app = await testApp({ rateLimit: { perIp: 0, perSurvey: 0 } });
    await createSurvey(app);
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('score', 'locale', 'touchpoint', 'rid', 'id', 'comment', '__proto__'), oddText), async (fields) => {
        const query = new URLSearchParams(fields).toString();
        const page = await app.inject({ url: `/s/demo?${query}` });
        expect(page.statusCode).toBeLessThan(500);
        const form = await app.inject({ method: 'POST', url: '/s/demo', payload: query, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        expect(form.statusCode).toBeLessThan(500);
      }),
      { numRuns: 500 },
    );
  });
});
