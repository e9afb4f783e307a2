import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testApp } from '../helpers.ts';

describe('response schemas', () => {
  it('are enforced: a reply that does not match is a logged 500 in the envelope; fields not declared are not sent', async () => {
    const lines: string[] = [];
    const app = await testApp({ logger: { level: 'error', stream: { write: (line: string) => lines.push(line) } } });
    const response = { 200: z.object({ count: z.number() }) };
    app.get('/test/wrong', { schema: { response }, config: { access: 'public' } }, async () => ({ count: 'three' }));
    app.get('/test/extra', { schema: { response }, config: { access: 'public' } }, async () => ({ count: 3, secretHash: 'ab12' }));
    app.get('/test/exact', { schema: { response }, config: { access: 'public' } }, async () => ({ count: 4 }));
    app.get('/test/instance', { schema: { response }, config: { access: 'public' } }, async () => new (class {
      count = 5;
      toJSON() {
        return { count: 5, secretHash: 'ab12' };
      }
    })());

    const wrong = await app.inject({ url: '/test/wrong' });
    expect(wrong.statusCode).toBe(500);
    expect(wrong.json()).toEqual({ error: { code: 'internal_error', message: 'Internal server error' } });
    expect(lines.join('\n')).toContain("Response doesn't match the schema");
    const extra = await app.inject({ url: '/test/extra' });
    expect(extra.json()).toEqual({ count: 3 });
    // A reply zod would send unchanged is sent as it is; one whose prototype adds `toJSON` goes through zod's copy.
    expect((await app.inject({ url: '/test/exact' })).body).toBe('{"count":4}');
    expect((await app.inject({ url: '/test/instance' })).body).toBe('{"count":5}');
  });
});
