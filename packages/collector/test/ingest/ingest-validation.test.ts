import { describe, expect, it } from 'vitest';
import { createSurvey, post, rows, testApp } from '../helpers.ts';

const valid = { id: 'valid_id_1', surveyId: 'demo', score: 5 };

describe('ingest validation: 400 naming the field and the rule, nothing stored', () => {
  it.each([
    ['missing score', { id: 'valid_id_1', surveyId: 'demo' }, 'score: must be an integer from 0 to 10'],
    ['score 11', { ...valid, score: 11 }, 'score: must be an integer from 0 to 10'],
    ['score -1', { ...valid, score: -1 }, 'score: must be an integer from 0 to 10'],
    ['fractional score', { ...valid, score: 7.5 }, 'score: must be an integer from 0 to 10'],
    ['score as string', { ...valid, score: '7' }, 'score: must be an integer from 0 to 10'],
    ['short id', { ...valid, id: 'abc' }, 'id: must be 8–64 characters'],
    ['id with spaces', { ...valid, id: 'has space 1' }, 'id: must be 8–64 characters'],
    ['long id', { ...valid, id: 'x'.repeat(65) }, 'id: must be 8–64 characters'],
    ['comment too long', { ...valid, comment: 'x'.repeat(5001) }, 'comment: must be at most 5000 characters'],
    ['comment with NUL', { ...valid, comment: 'a\u0000b' }, 'comment: must not contain control characters'],
    ['unknown channel', { ...valid, channel: 'fax' }, 'channel: must be one of web, app, email, link'],
    ['unknown device', { ...valid, device: 'watch' }, 'device: must be one of mobile, tablet, desktop'],
    ['touchpoint not a slug', { ...valid, touchpoint: 'check out!' }, 'touchpoint: must be a slug'],
    ['bad locale', { ...valid, locale: 'english please' }, 'locale: must be a language tag'],
    ['consent not boolean', { ...valid, consent: 'yes' }, 'consent: Invalid input: expected boolean'],
    ['bad email', { ...valid, respondent: { email: 'not-an-email' } }, 'respondent.email: must be an email address'],
    ['unknown respondent field', { ...valid, respondent: { phone: '123' } }, 'respondent.phone: unknown field'],
    ['unknown field', { ...valid, extra: 1 }, 'extra: unknown field'],
    ['21 properties', { ...valid, properties: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i])) }, 'properties: must have at most 20 keys'],
    ['nested property', { ...valid, properties: { plan: { tier: 'pro' } } }, 'properties.plan: property values must be'],
    ['long property value', { ...valid, properties: { plan: 'x'.repeat(201) } }, 'properties.plan: must be at most 200 characters'],
    ['property name with space', { ...valid, properties: { 'my plan': 'pro' } }, 'properties.my plan: property names must be'],
    ['constructor property', { ...valid, properties: { constructor: 'x' } }, 'properties.constructor: property name is reserved'],
    ['array body', [valid], 'body: must be a JSON object'],
    ['number body', 42, 'body: must be a JSON object'],
  ])('%s', async (_name, body, message) => {
    const app = await testApp();
    await createSurvey(app);
    const response = await post(app, '/v1/responses', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_request');
    expect(response.json().error.message).toContain(message);
    expect(await rows(app, 'responses')).toEqual([]);
  });

  it.each([
    ['malformed JSON', '{"id": ', 'application/json'],
    ['malformed text/plain JSON', 'score=5', 'text/plain'],
    ['__proto__ key', '{"id":"valid_id_1","surveyId":"demo","score":5,"__proto__":{"admin":true}}', 'application/json'],
    ['__proto__ in text/plain', '{"id":"valid_id_1","surveyId":"demo","score":5,"__proto__":{"x":1}}', 'text/plain'],
  ])('%s is 400 invalid_json', async (_name, payload, contentType) => {
    const app = await testApp();
    await createSurvey(app);
    const response = await post(app, '/v1/responses', payload, { 'content-type': contentType });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('invalid_json');
    expect(await rows(app, 'responses')).toEqual([]);
  });

  it('answers 415 for other content types and 413 past the body limit', async () => {
    const app = await testApp({ bodyLimit: 2048 });
    await createSurvey(app);
    const form = await post(app, '/v1/responses', 'id=valid_id_1&score=5', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.statusCode).toBe(415);
    expect(form.json().error.code).toBe('unsupported_media_type');
    const big = await post(app, '/v1/responses', { ...valid, comment: 'x'.repeat(4000) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
    expect(await rows(app, 'responses')).toEqual([]);
  });
});
