import { describe, expect, it, vi } from 'vitest';
import { identify, init, on, reset, show, track } from '../src/index';

describe('the ESM entry', () => {
  it('does nothing before init, then runs the same commands as the script tag', () => {
    const send = vi.spyOn(XMLHttpRequest.prototype, 'send').mockImplementation(() => {});
    const onShow = vi.fn();
    const onDismiss = vi.fn();
    expect(() => show({ force: true })).not.toThrow();
    expect(document.querySelector('npsloop-widget')).toBeNull();

    init({ survey: 'demo', collector: 'https://c.test', mode: 'manual', resurveyDays: 60, askEmail: false, onDismiss });
    on('show', onShow);
    identify({ userId: 'u-1' });
    track('settings');
    show();
    expect(onShow).toHaveBeenCalledOnce();
    expect(document.querySelector('npsloop-widget')?.shadowRoot?.querySelector('[role=radiogroup]')).not.toBeNull();
    document.querySelector('npsloop-widget')!.shadowRoot!.querySelector<HTMLElement>('[role=dialog]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onDismiss).toHaveBeenCalledOnce();
    show({ force: true });
    reset();
    expect(document.querySelector('npsloop-widget')).toBeNull();
    send.mockRestore();
  });
});
