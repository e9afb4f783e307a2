import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UI_TIMEOUT } from '../../src/loader/controller';
import { RECORD_KEY } from '../../src/loader/eligibility';
import { OUTBOX_KEY } from '../../src/loader/outbox';
import { SETTINGS_TTL } from '../../src/loader/settings';
import { mountSurvey } from '../../src/ui/mount-survey';
import { testCollector, waitFor } from '../support/collector';
import { setupWidget } from '../support/widget';

// Whether the survey shows: the survey's settings from the collector (fetched
// only when it would show, cached briefly), the page's attributes over them,
// refusals told to the site owner in the console and never to the visitor.

type Collector = Awaited<ReturnType<typeof testCollector>>;

describe('deciding to show', () => {
  let collector: Collector;
  let warnings: string[];

  beforeEach(async () => {
    localStorage.clear();
    document.body.replaceChildren();
    document.documentElement.lang = 'en';
    collector = await testCollector();
    warnings = [];
    vi.spyOn(console, 'warn').mockImplementation((message: string) => warnings.push(message));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    vi.useRealTimers();
    document.body.replaceChildren();
    await collector.close();
  });

  /** A later page view of the same visitor, once this page delivered everything: a fresh widget on an empty page, same localStorage. */
  const nextPage = async (attributes = {}) => {
    await waitFor(() => localStorage.getItem(OUTBOX_KEY) === null, `an empty outbox: ${localStorage.getItem(OUTBOX_KEY)}`);
    document.body.replaceChildren();
    collector.requests.length = 0;
    return setupWidget(collector, attributes);
  };

  it('uses the brand, wording and follow-up prompts set through the admin API, with only data-survey on the page', async () => {
    await collector.admin('PATCH', '/v1/surveys/demo', {
      brand: 'Newcomer Co',
      wording: { en: { thanks: 'Cheers!' }, nl: { question: 'Zou je {brand} aanraden?' } },
      followUp: { detractor: 'What should we fix first?' },
    });
    const { widget, shown, $, button, text, rendered } = setupWidget(collector);
    widget.show();
    await shown();
    expect($('[role=radiogroup]')!.getAttribute('aria-labelledby')).toBe('t');
    expect($('#t')!.textContent).toBe('How likely are you to recommend Newcomer Co to a friend or colleague?');
    expect($('[role=dialog]')!.getAttribute('aria-label')).toBe('Newcomer Co');
    button('2').click();
    await rendered();
    expect($('label')!.textContent).toBe('What should we fix first?');
    button('Send').click();
    await rendered();
    expect(text()).toContain('Cheers!');
  });

  it.each([
    ['the page attribute wins', { brand: 'Page Brand', textThanks: 'Page thanks' }, 'Page Brand', 'Page thanks'],
    ['then the survey setting', {}, 'Survey Brand', 'Survey thanks'],
  ])('precedence of the words: %s', async (_name, attributes, brand, thanks) => {
    await collector.admin('PATCH', '/v1/surveys/demo', { brand: 'Survey Brand', wording: { en: { thanks: 'Survey thanks' } } });
    const { widget, shown, $, button, text, rendered } = setupWidget(collector, attributes);
    widget.show();
    await shown();
    expect($('[role=dialog]')!.getAttribute('aria-label')).toBe(brand);
    button('9').click();
    await rendered();
    button('Send').click();
    await rendered();
    expect(text()).toContain(thanks);
  });

  it('falls back to the built-in strings and the site hostname when neither the page nor the survey sets them', async () => {
    await collector.admin('PATCH', '/v1/surveys/demo', { brand: null });
    const { widget, shown, $ } = setupWidget(collector);
    widget.show();
    await shown();
    expect($('#t')!.textContent).toBe(`How likely are you to recommend ${location.hostname} to a friend or colleague?`);
  });

  it('a paused survey shows nothing, even forced, loads no UI, and says so once in the console', async () => {
    await collector.admin('PATCH', '/v1/surveys/demo', { active: false });
    const { widget, root, skipped, uiLoads } = setupWidget(collector);
    widget.show({ force: true });
    expect(await skipped()).toBe('paused');
    expect(root()).toBeNull();
    expect(uiLoads).toEqual([]);
    expect(warnings).toEqual(['npsloop: survey "demo" is paused']);
    widget.show();
    await waitFor(() => collector.requests.length === 1 && warnings.length === 1);
  });

  it.each([
    ['an unknown survey', { survey: 'nope' }, undefined, 'npsloop: survey "nope" does not exist'],
    ['a foreign origin', {}, 'https://elsewhere.example', `npsloop: survey "demo" does not allow origin ${location.origin}`],
  ])('%s: nothing shows, one console warning names the survey and the reason', async (_name, attributes, origin, warning) => {
    if (origin) await collector.admin('PATCH', '/v1/surveys/demo', { allowedOrigins: [origin] });
    const { widget, root, skipped, uiLoads } = setupWidget(collector, attributes);
    widget.show();
    expect(await skipped()).toBe('refused');
    expect(root()).toBeNull();
    expect(uiLoads).toEqual([]);
    expect(warnings).toEqual([warning]);
    expect(collector.requests.map((request) => request.status)).toEqual([origin ? 403 : 404]);
  });

  it('samples with the survey setting, per visitor, and decides the next page from the cached settings without a request', async () => {
    await collector.admin('PATCH', '/v1/surveys/demo', { sampling: 0 });
    const first = setupWidget(collector);
    first.widget.show();
    expect(await first.skipped()).toBe('sampled');
    expect(collector.requests.map((request) => request.path)).toEqual(['/v1/surveys/demo/public']);
    const next = await nextPage();
    next.widget.show();
    expect(await next.skipped()).toBe('sampled');
    expect(collector.requests).toEqual([]);
    expect(next.uiLoads).toEqual([]);
  });

  it('lets data-sample overrule the survey, and keeps a sampled visitor sampled the same way on every page', async () => {
    await collector.admin('PATCH', '/v1/surveys/demo', { sampling: 0 });
    const first = setupWidget(collector, { sample: '0.5' });
    first.widget.show();
    const sampledIn = await Promise.race([first.shown().then(() => true), first.skipped().then(() => false)]);
    const visitorId = JSON.parse(localStorage.getItem(RECORD_KEY)!).visitorId;
    for (let page = 0; page < 3; page++) {
      const next = await nextPage({ sample: '0.5' });
      next.widget.show({});
      const shownAgain = await Promise.race([next.shown().then(() => true), next.skipped().then(() => false)]);
      // Once shown, the quiet window after the shown-but-unanswered prompt does not apply: no answer was given.
      expect(shownAgain).toBe(sampledIn);
    }
    expect(JSON.parse(localStorage.getItem(RECORD_KEY)!).visitorId).toBe(visitorId);
  });

  it('asks again after answering only once the survey’s re-survey window has passed', async () => {
    await collector.admin('PATCH', '/v1/surveys/demo', { resurveyDays: 14 });
    const first = setupWidget(collector);
    first.widget.show();
    await first.shown();
    first.button('7').click();
    await waitFor(() => first.responses().length === 1);
    const soon = await nextPage();
    soon.widget.show();
    expect(await soon.skipped()).toBe('answered');
    expect(collector.requests).toEqual([]);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 15 * 864e5);
    const later = await nextPage();
    later.widget.show();
    await later.shown();
  });

  it('after a dismissal, asks again only once the survey’s dismiss window has passed', async () => {
    await collector.admin('PATCH', '/v1/surveys/demo', { dismissDays: 3 });
    const first = setupWidget(collector);
    first.widget.show();
    await first.shown();
    first.button('Close').click();
    const soon = await nextPage();
    soon.widget.show();
    expect(await soon.skipped()).toBe('dismissed');
    expect(collector.requests).toEqual([]);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 4 * 864e5);
    const later = await nextPage();
    later.widget.show();
    await later.shown();
  });

  it.each([
    ['asks an identified visitor for consent by default', true, true],
    ['never asks for consent when the survey turns the consent question off', false, false],
  ])('%s', async (_name, askConsent, asked) => {
    await collector.admin('PATCH', '/v1/surveys/demo', { askConsent });
    const { widget, shown, button, rendered, text, events } = setupWidget(collector);
    widget.identify({ userId: 'u-9', email: 'kim@acme.test' });
    widget.show();
    await shown();
    button('4').click();
    await rendered();
    button('Send').click();
    await rendered();
    expect(text().includes('May we contact you about your answer?')).toBe(asked);
    expect(text().includes('Thank you for your feedback!')).toBe(!asked);
    expect(events.some((entry) => entry.event === 'submit')).toBe(!asked);
  });

  it('counts page views from when data-min-pageviews is set, and asks on the page view that reaches it, without a request before', async () => {
    for (const expected of ['pageviews', 'pageviews']) {
      const page = await nextPage({ minPageviews: '3' });
      page.widget.start();
      expect(await page.skipped()).toBe(expected);
      expect(collector.requests).toEqual([]);
    }
    const third = await nextPage({ minPageviews: '3' });
    third.widget.start();
    await third.shown();
  });

  it('fetches the settings again once the cached ones are older than the TTL', async () => {
    const first = setupWidget(collector, { mode: 'manual' });
    first.widget.show();
    await first.shown();
    first.widget.reset();
    const cached = await nextPage();
    cached.widget.show({ force: true });
    await cached.shown();
    expect(collector.requests.filter((request) => request.method === 'GET')).toEqual([]);
    cached.widget.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + SETTINGS_TTL + 1000);
    const stale = await nextPage();
    stale.widget.show({ force: true });
    await stale.shown();
    expect(collector.requests.filter((request) => request.method === 'GET').map((request) => request.path)).toEqual(['/v1/surveys/demo/public']);
  });

  const UNAVAILABLE = 'npsloop: survey "demo" is unavailable: its settings or UI did not load; will try again';

  it('when the settings cannot be fetched, shows nothing, keeps nothing, warns once, and tries again on the next page', async () => {
    await collector.close();
    const offline = setupWidget(collector);
    offline.widget.show();
    expect(await offline.skipped()).toBe('unavailable');
    expect(offline.uiLoads).toEqual([]);
    expect(localStorage.getItem(RECORD_KEY)).toBeNull();
    expect(warnings).toEqual([UNAVAILABLE]);
    collector = await testCollector();
    const next = await nextPage();
    next.widget.show();
    await next.shown();
  });

  it('when the collector answers the settings request with a 5xx, the same: nothing shown or kept, asked again next time', async () => {
    const failing: typeof collector.send = async (method, url, body) => (url.endsWith('/public') ? { status: 503, text: 'busy' } : collector.send(method, url, body));
    const { widget, skipped, uiLoads } = setupWidget(collector, {}, undefined, failing);
    widget.show();
    expect(await skipped()).toBe('unavailable');
    expect(uiLoads).toEqual([]);
    expect(localStorage.getItem(RECORD_KEY)).toBeNull();
    expect(warnings).toEqual([UNAVAILABLE]);
  });

  it('when the UI cannot be loaded, shows nothing, records nothing, warns once, and shows on the next try', async () => {
    let blocked = true;
    const load = () => (blocked ? Promise.reject(new Error('blocked')) : Promise.resolve(mountSurvey));
    const { widget, root, skipped, shown, eventTypes, uiLoads, events } = setupWidget(collector, {}, load);
    widget.show();
    expect(await skipped()).toBe('unavailable');
    expect(root()).toBeNull();
    expect(eventTypes()).toEqual([]);
    expect(JSON.parse(localStorage.getItem(RECORD_KEY)!).quiet).toEqual({});
    events.length = 0;
    widget.show();
    expect(await skipped()).toBe('unavailable');
    expect(warnings).toEqual([UNAVAILABLE]);
    blocked = false;
    events.length = 0;
    widget.show();
    await shown();
    expect(uiLoads).toHaveLength(3);
  });

  it('when the UI never arrives, gives up after UI_TIMEOUT: nothing shown or recorded, one warning, and the next show loads it afresh', async () => {
    let hang = true;
    const load = () => (hang ? new Promise<never>(() => {}) : Promise.resolve(mountSurvey));
    const { widget, root, skipped, shown, eventTypes, uiLoads, events } = setupWidget(collector, {}, load);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    widget.show();
    await vi.waitFor(() => expect(uiLoads).toHaveLength(1));
    // While the UI is on its way, another show neither waits twice nor loads it twice.
    widget.show();
    await vi.advanceTimersByTimeAsync(UI_TIMEOUT - 100);
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(await skipped()).toBe('unavailable');
    vi.useRealTimers();
    expect(warnings).toEqual([UNAVAILABLE]);
    expect(root()).toBeNull();
    expect(eventTypes()).toEqual([]);
    expect(JSON.parse(localStorage.getItem(RECORD_KEY)!).quiet).toEqual({});
    hang = false;
    events.length = 0;
    widget.show();
    await shown();
    expect(uiLoads).toHaveLength(2);
  });

  it('a refused answer shows a short neutral error instead of the thanks, warns, and forgets the cached settings', async () => {
    const { widget, shown, button, text, rendered, responses, eventTypes, root } = setupWidget(collector);
    widget.show();
    await shown();
    await collector.admin('PATCH', '/v1/surveys/demo', { active: false });
    button('4').click();
    await rendered();
    await waitFor(() => text().includes('Sorry, your answer could not be saved.'), 'the error');
    expect(text()).not.toContain('Thank you');
    expect(root()!.querySelector('textarea')).toBeNull();
    expect(warnings).toEqual(['npsloop: survey "demo" is paused']);
    expect(responses()).toHaveLength(1);
    expect(JSON.parse(localStorage.getItem(RECORD_KEY)!).cache).toEqual({});
    button('Close').click();
    expect(root()).toBeNull();
    expect(eventTypes()).toEqual(['shown']);
    // The visitor did answer: not asked again, and no request to find that out.
    const next = await nextPage();
    next.widget.show();
    expect(await next.skipped()).toBe('answered');
    expect(collector.requests).toEqual([]);
  });

  it('a survey paused while its settings were cached: the refused shown event turns the prompt into the error; the next page asks the collector again', async () => {
    const first = setupWidget(collector);
    first.widget.show();
    await first.shown();
    first.widget.reset();
    await collector.admin('PATCH', '/v1/surveys/demo', { active: false });
    const cached = await nextPage();
    cached.widget.show({ force: true });
    await waitFor(() => cached.text().includes('Sorry, your answer could not be saved.'), 'the error');
    expect(cached.$('[role=radiogroup]')).toBeNull();
    cached.button('Close').click();
    await waitFor(() => localStorage.getItem(OUTBOX_KEY) === null);
    expect(cached.eventTypes()).toEqual(['shown']);
    const next = await nextPage();
    next.widget.show({ force: true });
    expect(await next.skipped()).toBe('paused');
    expect(collector.requests.map((request) => request.path)).toEqual(['/v1/surveys/demo/public']);
  });
});
