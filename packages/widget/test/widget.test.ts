import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readConfig, type ConfigAttributes } from '../src/config';
import { RECORD_KEY } from '../src/eligibility';
import type { Outbox } from '../src/outbox';
import { createWidget } from '../src/widget';

/** A widget on a fresh page with an outbox that records what would be sent. */
function setup(attributes: ConfigAttributes = {}) {
  const sent: { url: string; key: string; body: Record<string, unknown> }[] = [];
  const outbox: Outbox = {
    send: (url, key, body) => sent.push({ url, key, body: JSON.parse(body) }),
    flush: vi.fn(),
    flushOnHide: vi.fn(),
  };
  const config = readConfig({ survey: 'demo', brand: 'Acme', ...attributes }, 'https://c.test/widget.js', 'acme.test');
  const widget = createWidget(config, outbox);
  const root = () => document.querySelector('npsloop-widget')?.shadowRoot ?? null;
  const $ = <T extends Element = HTMLElement>(selector: string) => root()?.querySelector<T>(selector) ?? null;
  const button = (name: string) => [...(root()?.querySelectorAll('button') ?? [])].find((candidate) => candidate.textContent === name || candidate.getAttribute('aria-label') === name)!;
  const responses = () => sent.filter((request) => request.url === 'https://c.test/v1/responses').map((request) => request.body);
  const events = () => sent.filter((request) => request.url === 'https://c.test/v1/events').map((request) => request.body);
  return { widget, outbox, root, $, button, responses, events };
}

describe('the survey flow', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.replaceChildren();
    document.documentElement.lang = 'en';
  });
  afterEach(() => vi.useRealTimers());

  it('renders nothing and sends nothing until shown', () => {
    const { widget, root, responses, events } = setup({ mode: 'manual' });
    widget.start();
    expect(root()).toBeNull();
    expect(responses()).toEqual([]);
    expect(events()).toEqual([]);
  });

  it('shows in an open shadow root, records a shown event and moves focus into the prompt (not onto an option)', () => {
    const { widget, root, $, events } = setup();
    const onShow = vi.fn();
    widget.on('show', onShow);
    widget.show();
    expect(root()).not.toBeNull();
    expect($('[role=radiogroup]')).not.toBeNull();
    expect(root()!.activeElement?.getAttribute('role')).toBe('dialog');
    expect(events()).toEqual([expect.objectContaining({ surveyId: 'demo', type: 'shown', channel: 'web', locale: 'en', page: '/' })]);
    expect(events()[0].id).toMatch(/^[\w-]{8,64}$/);
    expect(onShow).toHaveBeenCalledOnce();
  });

  it('sends the score on pick, then the comment under the same id, then thanks', () => {
    const { widget, $, button, responses } = setup({ touchpoint: 'pricing', journey: 'trial' });
    const onScore = vi.fn();
    const onSubmit = vi.fn();
    widget.on('score', onScore);
    widget.on('submit', onSubmit);
    widget.show();
    button('8').click();
    expect(responses()).toEqual([
      expect.objectContaining({ surveyId: 'demo', score: 8, touchpoint: 'pricing', journey: 'trial', channel: 'web', locale: 'en', page: '/', device: 'desktop' }),
    ]);
    expect(onScore).toHaveBeenCalledWith(8);
    const comment = $<HTMLTextAreaElement>('textarea')!;
    expect($('label')!.textContent).toBe('What is the main reason for your score?');
    expect($('[aria-live]')!.textContent).toBe('What is the main reason for your score?');
    comment.value = '  Quick and clear.  ';
    button('Send').click();
    expect(responses()).toHaveLength(2);
    expect(responses()[1]).toEqual({ ...responses()[0], comment: 'Quick and clear.' });
    expect($('[aria-live]')!.textContent).toBe('Thank you for your feedback!');
    expect(onSubmit).toHaveBeenCalledWith({ score: 8, comment: 'Quick and clear.', consent: undefined });
    expect(JSON.parse(localStorage.getItem(RECORD_KEY)!).answeredAt.demo).toBeGreaterThan(0);
  });

  it('asks for consent when the site identified the visitor, and sends the respondent and traits', () => {
    const { widget, button, responses } = setup();
    widget.identify({ userId: 'u-42', email: 'ann@acme.test', traits: { plan: 'pro', seats: 3 } });
    widget.show();
    button('3').click();
    button('Send').click();
    expect(responses()).toHaveLength(1);
    button('Yes').click();
    expect(responses()[1]).toMatchObject({ score: 3, consent: true, respondent: { userId: 'u-42', email: 'ann@acme.test' }, properties: { plan: 'pro', seats: 3 } });
  });

  it('never sends an email without consent', () => {
    const { widget, button, responses } = setup({ askEmail: '' });
    widget.show();
    button('9').click();
    button('Send').click();
    (document.querySelector('npsloop-widget')!.shadowRoot!.querySelector('input') as HTMLInputElement).value = 'bob@acme.test';
    button('No').click();
    expect(responses().at(-1)).toMatchObject({ consent: false });
    expect(responses().at(-1)).not.toHaveProperty('respondent');
  });

  it('uses the per-group prompt when the site set one', () => {
    const { widget, button, $ } = setup({ textWhyDetractor: 'What could we do better?' });
    widget.show();
    button('4').click();
    expect($('label')!.textContent).toBe('What could we do better?');
  });

  it('records a dismissal (event, record, callback) when closed before a score, and returns focus', () => {
    const before = document.body.appendChild(document.createElement('button'));
    before.focus();
    const { widget, button, root, events } = setup();
    const onDismiss = vi.fn();
    widget.on('dismiss', onDismiss);
    widget.show();
    button('Close').click();
    expect(root()).toBeNull();
    expect(events().map((event) => event.type)).toEqual(['shown', 'dismissed']);
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(JSON.parse(localStorage.getItem(RECORD_KEY)!).dismissedAt.demo).toBeGreaterThan(0);
    expect(document.activeElement).toBe(before);
  });

  it('closes on Escape; after a score that is not a dismissal', () => {
    const { widget, button, root, $, events } = setup();
    widget.show();
    button('10').click();
    $('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(root()).toBeNull();
    expect(events().map((event) => event.type)).toEqual(['shown']);
  });

  it('does not show again once answered, unless forced', () => {
    const { widget, button, root } = setup();
    widget.show();
    button('7').click();
    button('Close').click();
    widget.show();
    expect(root()).toBeNull();
    widget.show({ force: true });
    expect(root()).not.toBeNull();
  });

  it('samples a visitor once: the decision holds on the next page', () => {
    const first = setup({ sample: '0.5' });
    const visitorId = JSON.parse(localStorage.getItem(RECORD_KEY)!).visitorId;
    first.widget.show();
    const sampledIn = first.root() !== null;
    document.body.replaceChildren();
    for (let page = 0; page < 5; page++) {
      const next = setup({ sample: '0.5' });
      next.widget.show();
      expect(next.root() !== null).toBe(sampledIn);
      document.body.replaceChildren();
    }
    expect(JSON.parse(localStorage.getItem(RECORD_KEY)!).visitorId).toBe(visitorId);
  });

  it('writes nothing to localStorage on a page that only loads the script (no sampling)', () => {
    setup().widget.start();
    expect(localStorage.length).toBe(0);
  });

  it('shows by itself after the delay in auto mode, and not at all in manual mode', () => {
    vi.useFakeTimers();
    const auto = setup({ delay: '5' });
    auto.widget.start();
    vi.advanceTimersByTime(4900);
    expect(auto.root()).toBeNull();
    vi.advanceTimersByTime(200);
    expect(auto.root()).not.toBeNull();
  });

  it('closes the thanks by itself after a few seconds', () => {
    vi.useFakeTimers();
    const { widget, button, root } = setup();
    widget.show();
    button('9').click();
    button('Send').click();
    vi.advanceTimersByTime(6000);
    expect(root()).toBeNull();
  });

  it('speaks the page language', () => {
    document.documentElement.lang = 'de';
    const { widget, $ } = setup();
    widget.show();
    expect($('.q')!.textContent).toBe('Wie wahrscheinlich ist es, dass Sie Acme einem Freund oder Kollegen empfehlen?');
    expect($('.x')!.getAttribute('aria-label')).toBe('Schließen');
  });

  it('closes an untouched prompt when another tab answers', () => {
    const { widget, root } = setup();
    widget.start();
    widget.show({ force: true });
    localStorage.setItem(RECORD_KEY, JSON.stringify({ visitorId: 'v', pageViews: 0, answeredAt: { demo: Date.now() + 1 }, dismissedAt: {} }));
    window.dispatchEvent(new StorageEvent('storage', { key: RECORD_KEY }));
    expect(root()).toBeNull();
  });

  it('lifts the prompt above an on-screen keyboard without a style attribute', () => {
    const viewport = Object.assign(new EventTarget(), { height: innerHeight - 300, offsetTop: 0 });
    vi.stubGlobal('visualViewport', viewport);
    const { widget, root } = setup();
    widget.show();
    viewport.dispatchEvent(new Event('resize'));
    const rule = root()!.querySelector('style')!.sheet!.cssRules[0] as CSSStyleRule;
    expect(rule.style.getPropertyValue('--kb')).toBe('300px');
    expect(root()!.querySelector('[style]')).toBeNull();
    vi.unstubAllGlobals();
  });

  it('ignores unknown commands and bad arguments without throwing', () => {
    const { widget, root } = setup();
    expect(() => {
      widget.run('explode');
      widget.run('run', 'show');
      widget.run('identify', null);
      widget.run('track', 42);
      widget.run('on', 'show', 'not a function');
      widget.run('show', { force: 'yes' });
    }).not.toThrow();
    expect(root()).not.toBeNull();
  });

  it('keeps working when a listener throws', () => {
    const { widget, button, responses } = setup();
    widget.on('score', () => {
      throw new Error('site bug');
    });
    widget.show();
    expect(() => button('5').click()).not.toThrow();
    expect(responses()).toHaveLength(1);
  });

  it('forgets the identity on reset and closes the prompt', () => {
    const { widget, button, root, responses } = setup();
    widget.identify({ userId: 'u-1' });
    widget.show();
    widget.reset();
    expect(root()).toBeNull();
    widget.show({ force: true });
    button('6').click();
    expect(responses()[0]).not.toHaveProperty('respondent');
  });

  it('attributes later answers to the tracked touchpoint', () => {
    const { widget, button, responses } = setup({ touchpoint: 'home' });
    widget.track('checkout');
    widget.track('not a slug!');
    widget.show();
    button('9').click();
    expect(responses()[0].touchpoint).toBe('checkout');
  });
});
