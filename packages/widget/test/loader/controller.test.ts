import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RECORD_KEY } from '../../src/loader/eligibility';
import { testCollector, waitFor } from '../support/collector';
import { setupWidget } from '../support/widget';

// The survey as a visitor goes through it: the loader against a real collector
// (in memory), the real Preact UI. Decisions (settings, sampling, refusals) are
// in decisions.test.ts.

type Collector = Awaited<ReturnType<typeof testCollector>>;

describe('the survey flow', () => {
  let collector: Collector;

  beforeEach(async () => {
    localStorage.clear();
    document.body.replaceChildren();
    document.documentElement.lang = 'en';
    collector = await testCollector();
  });
  afterEach(async () => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    document.body.replaceChildren();
    await collector.close();
  });

  it('renders nothing, sends nothing and stores nothing until shown', () => {
    const { widget, root, uiLoads } = setupWidget(collector, { mode: 'manual' });
    widget.start();
    expect(root()).toBeNull();
    expect(collector.requests).toEqual([]);
    expect(uiLoads).toEqual([]);
    expect(localStorage.length).toBe(0);
  });

  it('fetches the settings, loads the UI, shows in an open shadow root and records a shown event', async () => {
    const { widget, root, shown, events, eventTypes, uiLoads } = setupWidget(collector, { mode: 'manual' });
    widget.start();
    widget.show();
    await shown();
    await waitFor(() => eventTypes().length === 1, 'the shown event');
    expect(collector.requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
      'GET /v1/surveys/demo/public 200',
      'POST /v1/events 201',
    ]);
    expect(uiLoads).toHaveLength(1);
    expect(root()!.activeElement?.getAttribute('role')).toBe('dialog');
    expect(eventTypes()).toEqual(['shown']);
    expect(events.map((entry) => entry.event)).toEqual(['show']);
  });

  it('sends the score on pick, then the comment under the same id, then thanks', async () => {
    const { widget, shown, button, $, text, rendered, responses, events } = setupWidget(collector, { touchpoint: 'pricing', journey: 'trial' });
    widget.show();
    await shown();
    button('8').click();
    await rendered();
    await waitFor(() => responses().length === 1, 'the score');
    expect(responses()).toEqual([
      expect.objectContaining({ surveyId: 'demo', score: 8, touchpoint: 'pricing', journey: 'trial', channel: 'web', locale: 'en', page: '/', device: 'desktop' }),
    ]);
    expect($('label')!.textContent).toBe('What is the main reason for your score?');
    expect($('[aria-live]')!.textContent).toBe('What is the main reason for your score?');
    expect(root()?.activeElement?.tagName).toBe('TEXTAREA');
    $<HTMLTextAreaElement>('textarea')!.value = '  Quick and clear.  ';
    button('Send').click();
    await rendered();
    expect(text()).toContain('Thank you for your feedback!');
    await waitFor(() => responses().length === 2, 'the comment');
    expect(responses()[1]).toEqual({ ...responses()[0], comment: 'Quick and clear.' });
    expect(events.map((entry) => entry.event)).toEqual(['show', 'score', 'submit']);
    expect(events[2].detail).toEqual({ score: 8, comment: 'Quick and clear.', consent: undefined });
    expect(JSON.parse(localStorage.getItem(RECORD_KEY)!).quiet.demo).toMatchObject({ why: 'answered' });
    await waitFor(async () => (await collector.responses()).length === 1);
    function root() {
      return document.querySelector('npsloop-widget')?.shadowRoot ?? null;
    }
  });

  it('asks for consent when the site identified the visitor, and sends the respondent and traits', async () => {
    const { widget, shown, button, rendered, responses } = setupWidget(collector);
    widget.identify({ userId: 'u-42', email: 'ann@acme.test', traits: { plan: 'pro', seats: 3 } });
    widget.show();
    await shown();
    button('3').click();
    await rendered();
    button('Send').click();
    await rendered();
    button('Yes').click();
    await waitFor(() => responses().length === 2, 'the consent');
    expect(responses()[1]).toMatchObject({ score: 3, consent: true, respondent: { userId: 'u-42', email: 'ann@acme.test' }, properties: { plan: 'pro', seats: 3 } });
  });

  it('never sends an email without consent', async () => {
    const { widget, shown, button, $, rendered, responses } = setupWidget(collector, { askEmail: '' });
    widget.show();
    await shown();
    button('9').click();
    await rendered();
    button('Send').click();
    await rendered();
    $<HTMLInputElement>('input')!.value = 'bob@acme.test';
    button('No').click();
    await waitFor(() => responses().length === 2);
    expect(responses()[1]).toMatchObject({ consent: false });
    expect(responses()[1]).not.toHaveProperty('respondent');
  });

  it('records a dismissal (event, record, callback) when closed before a score, and returns focus', async () => {
    const before = document.body.appendChild(document.createElement('button'));
    before.focus();
    const { widget, shown, button, root, events, eventTypes } = setupWidget(collector);
    widget.show();
    await shown();
    button('Close').click();
    expect(root()).toBeNull();
    await waitFor(() => eventTypes().length === 2);
    expect(eventTypes()).toEqual(['shown', 'dismissed']);
    expect(events.map((entry) => entry.event)).toEqual(['show', 'dismiss']);
    expect(JSON.parse(localStorage.getItem(RECORD_KEY)!).quiet.demo).toMatchObject({ why: 'dismissed' });
    expect(document.activeElement).toBe(before);
  });

  it('closes on Escape; after a score that is not a dismissal', async () => {
    const { widget, shown, button, root, $, rendered, eventTypes, events, responses } = setupWidget(collector);
    widget.show();
    await shown();
    button('10').click();
    await rendered();
    $('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(root()).toBeNull();
    await waitFor(() => responses().length === 1 && eventTypes().length === 1);
    expect(eventTypes()).toEqual(['shown']);
    expect(events.map((entry) => entry.event)).toEqual(['show', 'score']);
    expect(JSON.parse(localStorage.getItem(RECORD_KEY)!).quiet.demo.why).toBe('answered');
  });

  it('closes the thanks by itself after a few seconds', async () => {
    const { widget, shown, button, root, rendered } = setupWidget(collector);
    widget.show();
    await shown();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    button('9').click();
    await rendered();
    button('Send').click();
    await vi.advanceTimersByTimeAsync(5900);
    expect(root()).not.toBeNull();
    await vi.advanceTimersByTimeAsync(200);
    expect(root()).toBeNull();
  });

  it('shows by itself after the delay in auto mode', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { widget, root } = setupWidget(collector, { delay: '5' });
    widget.start();
    await vi.advanceTimersByTimeAsync(4900);
    expect(collector.requests).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    vi.useRealTimers();
    await waitFor(() => root()?.querySelector('[role=radiogroup]'));
  });

  it('speaks the page language', async () => {
    document.documentElement.lang = 'de';
    const { widget, shown, $ } = setupWidget(collector);
    widget.show();
    await shown();
    expect($('.q')!.textContent).toBe('Wie wahrscheinlich ist es, dass Sie Acme einem Freund oder Kollegen weiterempfehlen würden?');
    expect($('.x')!.getAttribute('aria-label')).toBe('Schließen');
    await waitFor(() => collector.requests.some((request) => request.path === '/v1/events'));
    expect(collector.requests.find((request) => request.path === '/v1/events')!.body).toMatchObject({ locale: 'de' });
  });

  it('closes an untouched prompt when another tab answers', async () => {
    const { widget, shown, root } = setupWidget(collector);
    widget.start();
    await shown();
    const record = JSON.parse(localStorage.getItem(RECORD_KEY)!);
    record.quiet.demo = { why: 'answered', at: Date.now() + 1, until: Date.now() + 864e5 };
    localStorage.setItem(RECORD_KEY, JSON.stringify(record));
    window.dispatchEvent(new StorageEvent('storage', { key: RECORD_KEY }));
    expect(root()).toBeNull();
  });

  it('lifts the prompt above an on-screen keyboard without a style attribute', async () => {
    const viewport = Object.assign(new EventTarget(), { height: innerHeight - 300, offsetTop: 0 });
    vi.stubGlobal('visualViewport', viewport);
    const { widget, shown, root } = setupWidget(collector);
    widget.show();
    await shown();
    viewport.dispatchEvent(new Event('resize'));
    const rule = root()!.querySelector('style')!.sheet!.cssRules[0] as CSSStyleRule;
    expect(rule.style.getPropertyValue('--kb')).toBe('300px');
    expect(root()!.querySelector('[style]')).toBeNull();
  });

  it('ignores unknown commands and bad arguments without throwing', async () => {
    const { widget, shown } = setupWidget(collector);
    expect(() => {
      widget.run('explode');
      widget.run('run', 'show');
      widget.run('identify', null);
      widget.run('track', 42);
      widget.run('on', 'show', 'not a function');
      widget.run('show', { force: 'yes' });
    }).not.toThrow();
    await shown();
  });

  it('keeps working when a listener throws', async () => {
    const { widget, shown, button, responses } = setupWidget(collector);
    widget.on('score', () => {
      throw new Error('site bug');
    });
    widget.show();
    await shown();
    expect(() => button('5').click()).not.toThrow();
    await waitFor(() => responses().length === 1);
  });

  it('forgets the identity on reset and closes the prompt', async () => {
    const { widget, shown, button, root, responses } = setupWidget(collector);
    widget.identify({ userId: 'u-1' });
    widget.show();
    await shown();
    widget.reset();
    expect(root()).toBeNull();
    widget.show({ force: true });
    await shown();
    button('6').click();
    await waitFor(() => responses().length === 1);
    expect(responses()[0]).not.toHaveProperty('respondent');
  });

  it('attributes later answers to the tracked touchpoint', async () => {
    const { widget, shown, button, responses } = setupWidget(collector, { touchpoint: 'home' });
    widget.track('checkout');
    widget.track('not a slug!');
    widget.show();
    await shown();
    button('9').click();
    await waitFor(() => responses().length === 1);
    expect(responses()[0].touchpoint).toBe('checkout');
  });
});
