// @vitest-environment-options { "url": "http://localhost:3000/shop", "settings": { "fetch": { "disableSameOriginPolicy": true } } }
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../collector/src/app.ts';
import { identify, init, on, reset, show, track } from '../src/index';
import { waitFor } from './support/collector';

// The ESM entry over the network for real: happy-dom's XMLHttpRequest against
// a collector listening on loopback, the UI as a dynamic import(). happy-dom
// preflights every cross-origin request, even a simple GET a browser sends as
// it is, so its same-origin policy is off here; real Chromium checks CORS in
// tests/browser.

describe('the ESM entry', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  let collector: string;

  beforeAll(async () => {
    app = await buildApp({ dbPath: ':memory:', adminKey: 'esm-test-admin-key-0123456789', logger: false, webhookPollMs: 0 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    collector = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const created = await app.inject({
      method: 'POST', url: '/v1/surveys', headers: { authorization: 'Bearer esm-test-admin-key-0123456789' },
      payload: { id: 'demo', name: 'Demo', brand: 'Acme', allowedOrigins: [location.origin] },
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(() => app.close());

  it('does nothing before init, then runs the same commands as the script tag', async () => {
    const seen: string[] = [];
    expect(() => show({ force: true })).not.toThrow();
    expect(document.querySelector('npsloop-widget')).toBeNull();

    init({ survey: 'demo', collector, mode: 'manual', resurveyDays: 60, askEmail: false, onShow: () => seen.push('show'), onDismiss: () => seen.push('dismiss') });
    on('score', () => seen.push('score'));
    on('skip', (reason) => seen.push(`skip ${reason}`));
    identify({ userId: 'u-1' });
    track('settings');
    show();
    const dialog = await waitFor(() => document.querySelector('npsloop-widget')?.shadowRoot?.querySelector<HTMLElement>('[role=dialog]'), 'the survey');
    expect(dialog.getAttribute('aria-label')).toBe('Acme');
    expect(seen).toEqual(['show']);
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(seen).toEqual(['show', 'dismiss']);
    show({ force: true });
    const nine = await waitFor(() => [...document.querySelector('npsloop-widget')?.shadowRoot?.querySelectorAll('button') ?? []].find((button) => button.textContent === '9'));
    nine.click();
    expect(seen).toEqual(['show', 'dismiss', 'show', 'score']);
    reset();
    expect(document.querySelector('npsloop-widget')).toBeNull();
    // The answer travelled over the network, with the identity and touchpoint given.
    const stored = async () => (await app.inject({ url: '/v1/surveys/demo/responses', headers: { authorization: 'Bearer esm-test-admin-key-0123456789' } })).json().responses;
    await vi.waitFor(async () => expect(await stored()).toHaveLength(1), { timeout: 5000 });
    expect((await stored())[0]).toMatchObject({ score: 9, touchpoint: 'settings', userId: 'u-1' });
  });
});
