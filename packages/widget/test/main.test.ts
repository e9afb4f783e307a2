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
    const onShow = vi.fn();
    const send = vi.spyOn(XMLHttpRequest.prototype, 'send').mockImplementation(() => {});
    stub('on', 'show', onShow);
    stub('show', { force: true });
    stub('no-such-command');

    await import('../src/main');

    expect(onShow).toHaveBeenCalledOnce();
    expect(document.querySelector('npsloop-widget')?.shadowRoot?.querySelector('[role=radiogroup]')).not.toBeNull();
    expect(window.npsloop).not.toBe(stub);
    expect(window.npsloop?.loaded).toBe(true);
    expect(() => window.npsloop!('identify', { userId: 'u-1' })).not.toThrow();
    send.mockRestore();
  });
});
