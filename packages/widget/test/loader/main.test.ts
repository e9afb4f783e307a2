import { describe, expect, it, vi } from 'vitest';

describe('the script-tag entry', () => {
  it('reads its script tag, replays the queued calls in order and installs the real npsloop()', async () => {
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.dataset.survey = 'demo';
    script.dataset.mode = 'manual';
    script.dataset.collector = 'https://c.test';
    document.body.append(script);
    const stub = function (...args: unknown[]) {
      (stub.q = stub.q || []).push(args);
    } as ((...args: unknown[]) => void) & { q?: unknown[][] };
    window.npsloop = stub;
    const skipped: unknown[] = [];
    // No network in this test: the settings request cannot start.
    const send = vi.spyOn(XMLHttpRequest.prototype, 'send').mockImplementation(() => {
      throw new Error('offline');
    });
    stub('on', 'skip', (reason: unknown) => skipped.push(reason));
    stub('show', { force: true });
    stub('no-such-command');

    await import('../../src/loader/main');

    expect(window.npsloop).not.toBe(stub);
    expect(window.npsloop?.loaded).toBe(true);
    // The queued `on` was replayed before the queued `show`, which found the collector unreachable.
    await vi.waitFor(() => expect(skipped).toEqual(['unavailable']));
    expect(send).toHaveBeenCalledOnce();
    expect(document.querySelector('npsloop-widget')).toBeNull();
    expect(() => window.npsloop!('identify', { userId: 'u-1' })).not.toThrow();
    send.mockRestore();
  });
});
