import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, asAdmin, rows, testApp } from '../helpers.ts';

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('API keys over HTTP', () => {
  it('creates a key whose secret is shown once, works at once, and is stored only as a hash', async () => {
    const app = await testApp();
    const created = await app.inject({ method: 'POST', url: '/v1/keys', headers: asAdmin, payload: { scope: 'read', name: 'dashboard' } });
    expect(created.statusCode).toBe(201);
    const key = created.json();
    expect(key).toEqual({ id: expect.stringMatching(/^key_[0-9a-f]{12}$/), name: 'dashboard', scope: 'read', createdAt: expect.any(String), lastUsedAt: null, secret: expect.stringMatching(/^npsk_[A-Za-z0-9_-]{43}$/) });
    const me = await app.inject({ url: '/v1/keys/me', headers: bearer(key.secret) });
    expect(me.json()).toEqual({ id: key.id, name: 'dashboard', scope: 'read', source: 'database' });
    const [row] = await rows(app, 'api_keys');
    expect(JSON.stringify(row)).not.toContain(key.secret.slice(5));
  });

  it('lists id, name, scope, created and last used, never a secret or a hash', async () => {
    const app = await testApp();
    const created = Date.now();
    const { secret } = await app.db.keys.create('admin', 'ci', created);
    await app.db.keys.create('read', null, created + 1);
    await app.inject({ url: '/v1/surveys', headers: bearer(secret) });
    const listed = await app.inject({ url: '/v1/keys', headers: asAdmin });
    expect(listed.statusCode).toBe(200);
    const { keys } = listed.json();
    expect(keys.map((key: { name: string | null; scope: string }) => [key.name, key.scope])).toEqual([['ci', 'admin'], [null, 'read']]);
    expect(Object.keys(keys[0]).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'scope']);
    expect(keys[0].lastUsedAt).not.toBeNull();
    expect(keys[1].lastUsedAt).toBeNull();
    const hashes = (await rows(app, 'api_keys')).map((row) => row.secret_hash as string);
    for (const hash of hashes) expect(listed.body).not.toContain(hash);
    expect(listed.body).not.toContain(secret);
  });

  it('revokes a key: the next request with it is refused; an unknown or malformed id says so', async () => {
    const app = await testApp();
    const { secret, key } = await app.db.keys.create('admin', 'leaked');
    expect((await app.inject({ url: '/v1/surveys', headers: bearer(secret) })).statusCode).toBe(200);
    const revoked = await app.inject({ method: 'DELETE', url: `/v1/keys/${key.id}`, headers: asAdmin });
    expect(revoked.statusCode).toBe(204);
    const refused = await app.inject({ url: '/v1/surveys', headers: bearer(secret) });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('unauthorized');
    expect(await rows(app, 'api_keys')).toEqual([]);
    const again = await app.inject({ method: 'DELETE', url: `/v1/keys/${key.id}`, headers: asAdmin });
    expect([again.statusCode, again.json().error.code]).toEqual([404, 'key_not_found']);
    const malformed = await app.inject({ method: 'DELETE', url: '/v1/keys/nope', headers: asAdmin });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toBe('id: must be a key id (key_ and 12 hex digits)');
  });

  it('answers /v1/keys/me for the admin key from the environment too', async () => {
    const app = await testApp();
    const me = await app.inject({ url: '/v1/keys/me', headers: bearer(ADMIN_KEY) });
    expect(me.json()).toEqual({ id: null, name: 'NPSLOOP_ADMIN_KEY', scope: 'admin', source: 'environment' });
  });

  it('refuses a bad body with the field and the rule, and creates nothing', async () => {
    const app = await testApp();
    for (const [payload, message] of [
      [{ scope: 'owner' }, 'scope: must be read or admin'],
      [{ scope: 'read', name: '' }, 'name: must not be empty'],
      [{ scope: 'read', secret: 'mine' }, 'secret: unknown field'],
    ] as const) {
      const response = await app.inject({ method: 'POST', url: '/v1/keys', headers: asAdmin, payload });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toEqual({ code: 'invalid_request', message });
    }
    expect(await rows(app, 'api_keys')).toEqual([]);
  });

  it('writes "last used" at most once a minute per key', async () => {
    const app = await testApp();
    const { key } = await app.db.keys.create('read', 'busy');
    const stored = async () => (await app.db.keys.list())[0].lastUsedAt;
    const start = Date.parse('2026-03-01T12:00:00Z');
    await app.db.keys.markUsed(key.id, start);
    await app.db.keys.markUsed(key.id, start + 59_000);
    expect(await stored()).toBe('2026-03-01T12:00:00.000Z');
    await app.db.keys.markUsed(key.id, start + 60_000);
    expect(await stored()).toBe('2026-03-01T12:01:00.000Z');
  });
});
