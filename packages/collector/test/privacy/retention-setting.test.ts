import { describe, expect, it, vi } from 'vitest';
import { adminCall, closeLoopApp, ingestAt } from '../loops/close-loop-app.ts';
import { dbRows } from '../support/db-rows.ts';
import { asAdmin, testApp } from '../helpers.ts';

// The retention period set from the dashboard or the API: stored, validated, purging at once, and overridden by the flag.

describe('setting the retention period', () => {
  it('stores the period, keeps it across a restart, and turns it off with null', async () => {
    const app = await closeLoopApp();
    const set = await adminCall(app, 'PATCH', '/v1/privacy', { retentionDays: 365 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ retentionDays: 365, source: 'setting', stored: 365 });
    expect(await dbRows(app, 'SELECT id, retention_days, updated_at FROM privacy_settings')).toEqual([{ id: 1, retention_days: 365, updated_at: app.clock.now() }]);
    await app.close();

    const restarted = await closeLoopApp({ dbPath: app.dbPath });
    expect((await adminCall(restarted, 'GET', '/v1/privacy')).json()).toEqual({ retentionDays: 365, source: 'setting', stored: 365 });
    expect((await adminCall(restarted, 'PATCH', '/v1/privacy', { retentionDays: null })).json()).toEqual({ retentionDays: null, source: 'off', stored: null });
    expect(await dbRows(restarted, 'SELECT retention_days FROM privacy_settings')).toEqual([{ retention_days: null }]);
  });

  it('purges what is past a new, shorter period at once', async () => {
    const app = await closeLoopApp();
    await ingestAt(app, { id: 'resp_old000001', score: 3, comment: 'Old comment', respondent: { email: 'old@example.com' } });
    app.clock.advanceHours(24 * 40);
    await ingestAt(app, { id: 'resp_new000001', score: 4, comment: 'New comment', respondent: { email: 'new@example.com' } });
    expect((await adminCall(app, 'PATCH', '/v1/privacy', { retentionDays: 30 })).statusCode).toBe(200);
    await vi.waitFor(async () => expect(await dbRows(app, 'SELECT id, comment, email FROM responses ORDER BY id')).toEqual([
      { id: 'resp_new000001', comment: 'New comment', email: 'new@example.com' },
      { id: 'resp_old000001', comment: null, email: null },
    ]), { timeout: 10_000, interval: 50 });
  });

  it('refuses bad periods and read keys with the field and rule, and changes nothing', async () => {
    const app = await closeLoopApp();
    await adminCall(app, 'PATCH', '/v1/privacy', { retentionDays: 90 });
    const cases: [unknown, RegExp][] = [
      [{ retentionDays: 0 }, /retentionDays: must be at least 1 day/],
      [{ retentionDays: 36_501 }, /retentionDays: must be at most 36500 days/],
      [{ retentionDays: 1.5 }, /retentionDays: must be a whole number of days/],
      [{ retentionDays: '30' }, /retentionDays: must be a whole number of days from 1 to 36500, or null/],
      [{}, /retentionDays/],
      [{ retentionDays: 30, keepScores: false }, /keepScores/],
    ];
    for (const [body, message] of cases) {
      const refused = await adminCall(app, 'PATCH', '/v1/privacy', body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.json().error.code).toBe('invalid_request');
      expect(refused.json().error.message, JSON.stringify(body)).toMatch(message);
    }
    const reader = (await adminCall(app, 'POST', '/v1/keys', { scope: 'read', name: 'wall' })).json().secret as string;
    const asReader = await app.inject({ method: 'PATCH', url: '/v1/privacy', headers: { authorization: `Bearer ${reader}` }, payload: { retentionDays: 1 } });
    expect(asReader.statusCode).toBe(403);
    expect(await dbRows(app, 'SELECT retention_days FROM privacy_settings')).toEqual([{ retention_days: 90 }]);
  });

  it('lets the --retention-days flag win: the setting is shown beside it, and changing it is refused with 409', async () => {
    const first = await testApp();
    expect((await first.inject({ method: 'PATCH', url: '/v1/privacy', headers: asAdmin, payload: { retentionDays: 400 } })).statusCode).toBe(200);
    await first.close();

    const flagged = await testApp({ dbPath: first.dbPath, retentionDays: 90 });
    expect((await flagged.inject({ url: '/v1/privacy', headers: asAdmin })).json()).toEqual({ retentionDays: 90, source: 'flag', stored: 400 });
    const refused = await flagged.inject({ method: 'PATCH', url: '/v1/privacy', headers: asAdmin, payload: { retentionDays: 30 } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toEqual({ code: 'retention_set_by_flag', message: expect.stringMatching(/^retentionDays: the collector was started with --retention-days 90/) });
    expect(await dbRows(flagged, 'SELECT retention_days FROM privacy_settings')).toEqual([{ retention_days: 400 }]);
  });
});
