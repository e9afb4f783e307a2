import { describe, expect, it } from 'vitest';
import { generateSecret } from '../../src/webhooks/signing.ts';
import { createSurvey, testApp } from '../helpers.ts';
import { dbRows } from '../support/db-rows.ts';
import { onPostgres } from '../support/test-database.ts';

// JSON can spell half of a UTF-16 pair ("\ud800"); UTF-8 cannot store it. It is repaired to U+FFFD at validation.
const BODY = String.raw`{"id":"resp_surrogate1","surveyId":"demo","score":4,"comment":"x\ud800y \udc00 and a pair \ud83d\ude00","page":"/p\udfff","respondent":{"userId":"u\ud800"},"properties":{"plan":"pro\ud800"}}`;

describe('lone UTF-16 surrogates in an ingest body', () => {
  it('are stored as U+FFFD in valid UTF-8, and an identical replay is unchanged and sends no webhook', async () => {
    const app = await testApp();
    await createSurvey(app);
    await app.db.webhooks.create({ url: 'https://hooks.example/x', events: ['response.created', 'response.updated'], secret: generateSecret() }, Date.now());
    const send = () => app.inject({ method: 'POST', url: '/v1/responses', headers: { 'content-type': 'application/json', origin: 'https://shop.example' }, payload: BODY });

    const first = await send();
    expect(first.statusCode).toBe(201);
    for (let replay = 0; replay < 3; replay++) {
      const again = await send();
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ id: 'resp_surrogate1', status: 'unchanged' });
    }

    // The comment's stored bytes, in hex.
    const bytes = onPostgres ? "upper(encode(convert_to(comment, 'UTF8'), 'hex'))" : 'hex(CAST(comment AS BLOB))';
    const [row] = await dbRows(app, `SELECT comment, page, user_id, properties, ${bytes} AS "commentBytes" FROM responses WHERE id = 'resp_surrogate1'`);
    expect(row).toEqual({
      comment: 'x\uFFFDy \uFFFD and a pair 😀', page: '/p\uFFFD', user_id: 'u\uFFFD', properties: '{"plan":"pro\uFFFD"}',
      commentBytes: Buffer.from('x\uFFFDy \uFFFD and a pair 😀', 'utf8').toString('hex').toUpperCase(),
    });
    expect((await dbRows(app, 'SELECT type FROM webhook_deliveries')).map((delivery) => delivery.type)).toEqual(['response.created']);
  });
});
