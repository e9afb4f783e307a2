import { describe, expect, it } from 'vitest';
import { ApiError, queryString } from '../src/api.ts';
import { axisLabels } from '../src/chart-labels.ts';
import { changeKey, comparable, differenceKey, intervalMissesScore, readFigure } from '../src/figures.ts';
import { timerReading } from '../src/huddle-timer.ts';
import { keyProblem } from '../src/i18n/error-text.ts';
import { journeyBody, journeyValues, moveStep, toggleSurvey } from '../src/journey-form.ts';
import { commandFor, nextStates, parseTags, workOrder } from '../src/loops.ts';
import { addDays, compareQuery, isRange, lastDays, localDate, rangeQuery } from '../src/periods.ts';
import { parseRoute, routeHash } from '../src/routes.ts';
import { nextSort, sortSegments } from '../src/segments.ts';
import { embedSnippet, formValues, selfHostedSnippet, surveyBody } from '../src/survey-form.ts';
import type { Loop, Segment } from '../src/types.ts';

describe('routes', () => {
  it.each([
    ['#/demo/inbox', { surveyId: 'demo', page: 'inbox' }],
    ['#/demo', { surveyId: 'demo', page: 'overview' }],
    ['#/demo/nope', { surveyId: 'demo', page: 'overview' }],
    ['', { surveyId: null, page: 'overview' }],
    ['#//surveys', { surveyId: null, page: 'surveys' }],
    ['#/demo/settings', { surveyId: 'demo', page: 'settings', section: 'keys' }],
    ['#/demo/settings/privacy', { surveyId: 'demo', page: 'settings', section: 'privacy' }],
    ['#/demo/settings/nope', { surveyId: 'demo', page: 'settings', section: 'keys' }],
    ['#/demo/settings/webhooks', { surveyId: 'demo', page: 'settings', section: 'webhooks' }],
  ])('%s', (hash, route) => expect(parseRoute(hash)).toEqual(route));
  it.each([
    { surveyId: 'shop.nl', page: 'huddle' }, { surveyId: 'demo', page: 'settings', section: 'privacy' },
  ] as const)('round-trips %j', (route) => expect(parseRoute(routeHash(route))).toEqual(route));
});

describe('queryString', () => {
  it('repeats arrays and leaves out empty values', () => {
    expect(queryString({ state: ['open', 'contacted'], q: '', group: undefined, limit: 5, 'a.touchpoint': 'check out' }))
      .toBe('?state=open&state=contacted&limit=5&a.touchpoint=check+out');
    expect(queryString({})).toBe('');
  });
});

describe('periods: the last N days include today, in the viewer’s zone', () => {
  it.each([
    ['2026-03-15T12:00:00Z', 'UTC', '2026-03-15'],
    ['2026-03-15T23:30:00Z', 'Europe/Amsterdam', '2026-03-16'],
    ['2026-03-15T02:00:00Z', 'America/Los_Angeles', '2026-03-14'],
  ])('%s in %s is %s', (instant, zone, date) => expect(localDate(Date.parse(instant), zone)).toBe(date));
  it('counts 7 days back from today and puts the previous 7 right before', () => {
    expect(lastDays(7, Date.parse('2026-03-15T12:00:00Z'), 'UTC')).toEqual({
      current: { from: '2026-03-09', to: '2026-03-15' },
      previous: { from: '2026-03-02', to: '2026-03-08' },
    });
  });
  it('asks the API for [from, the day after to) in the zone', () => {
    expect(rangeQuery({ from: '2026-03-09', to: '2026-03-15' }, 'Europe/Amsterdam')).toEqual({ from: '2026-03-09', to: '2026-03-16', tz: 'Europe/Amsterdam' });
    expect(compareQuery({ from: '2026-02-28', to: '2026-02-28' }, { from: '2026-03-01', to: '2026-03-01' }, 'UTC'))
      .toEqual({ aFrom: '2026-02-28', aTo: '2026-03-01', bFrom: '2026-03-01', bTo: '2026-03-02', tz: 'UTC' });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
  it.each([
    [{ from: '2026-03-01', to: '2026-03-01' }, true], [{ from: '2026-03-02', to: '2026-03-01' }, false], [{ from: '', to: '2026-03-01' }, false],
  ])('%j is a range: %s', (range, ok) => expect(isRange(range)).toBe(ok));
});

describe('honest figures', () => {
  it.each([
    [{ n: 0, nps: null }, 'none'], [{ n: 1, nps: 100 }, 'too-few'], [{ n: 4, nps: -50 }, 'too-few'], [{ n: 5, nps: 20 }, 'score'],
  ] as const)('%j reads as %s', (figure, reading) => expect(readFigure(figure)).toBe(reading));
  it('knows when the adjusted interval leaves out the observed score', () => {
    const interval = (low: number, high: number) => ({ low, high, level: 0.95 as const, method: 'adjusted-wald' as const });
    expect(intervalMissesScore({ nps: 100, interval: interval(-48.5, 98.5) })).toBe(true);
    expect(intervalMissesScore({ nps: 40, interval: interval(10, 60) })).toBe(false);
    expect(intervalMissesScore({ nps: null, interval: null })).toBe(false);
  });
  it('compares only when both sides have enough answers', () => {
    expect(comparable({ n: 30, nps: 10 }, { n: 5, nps: 0 })).toBe(true);
    expect(comparable({ n: 30, nps: 10 }, { n: 2, nps: 100 })).toBe(false);
  });
  it.each([
    [{ difference: 12, significant: true }, 'up', 'higher'],
    [{ difference: -12, significant: true }, 'down', 'lower'],
    [{ difference: 12, significant: false }, 'flat', 'flatDifference'],
    [{ difference: null, significant: false }, 'notEnough', 'notEnough'],
  ] as const)('%j reads %s / %s', (change, period, segment) => {
    expect(changeKey(change)).toBe(period);
    expect(differenceKey(change)).toBe(segment);
  });
});

describe('axis labels', () => {
  const positions = Array.from({ length: 30 }, (_, index) => 50 + index * 10);
  it('always labels the newest bucket, keeps every label inside the drawing, and never overlaps', () => {
    const labels = axisLabels(positions, 40, 350);
    expect(labels[labels.length - 1]).toMatchObject({ index: 29, anchor: 'end' });
    const spans = labels.map(({ x, anchor }) => (anchor === 'end' ? [x - 40, x] : anchor === 'start' ? [x, x + 40] : [x - 20, x + 20]));
    for (const [left, right] of spans) expect(left >= 0 && right <= 350).toBe(true);
    for (let index = 1; index < spans.length; index++) expect(spans[index][0]).toBeGreaterThan(spans[index - 1][1]);
  });
  it('labels every bucket when there is room', () => {
    expect(axisLabels([100, 200, 300], 40, 400).map((label) => label.index)).toEqual([0, 1, 2]);
  });
});

const loop = (id: string, state: Loop['state'], overdue: boolean, openedAt: string) => ({ responseId: id, state, overdue, openedAt }) as Loop;

describe('loop inbox helpers', () => {
  it('puts overdue first, then open, then contacted, oldest first', () => {
    const ordered = workOrder([
      loop('c-old', 'contacted', false, '2026-03-01T00:00:00Z'), loop('o-new', 'open', false, '2026-03-05T00:00:00Z'),
      loop('o-late', 'open', true, '2026-03-02T00:00:00Z'), loop('o-old', 'open', false, '2026-03-04T00:00:00Z'),
    ]);
    expect(ordered.map((item) => item.responseId)).toEqual(['o-late', 'o-old', 'o-new', 'c-old']);
  });
  it.each([
    [{ key: 'j' }, 'next'], [{ key: 'k' }, 'previous'], [{ key: 'c' }, 'contacted'], [{ key: 'r' }, 'resolved'],
    [{ key: 'n' }, 'note'], [{ key: 'o' }, 'open'], [{ key: '?' }, 'help'], [{ key: 'x' }, null],
    [{ key: 'c', ctrlKey: true }, null], [{ key: 'j', target: { tagName: 'TEXTAREA' } }, null], [{ key: 'r', target: { tagName: 'INPUT' } }, null],
  ])('%j → %s', (event, command) => expect(commandFor(event)).toBe(command));
  it.each([['open', ['contacted', 'closed']], ['contacted', ['resolved', 'closed']], ['resolved', ['open']], ['closed', ['open']]] as const)(
    'from %s the collector allows %j', (state, next) => expect(nextStates(state)).toEqual(next));
});

const segment = (value: string | null, n: number, nps: number | null) => ({ value, n, nps, score: nps }) as Segment;
/** A CSAT row as the collector sends it: `score` (% satisfied), no `nps`. */
const csatSegment = (value: string | null, n: number, score: number | null) => ({ metric: 'csat', value, n, score }) as unknown as Segment;

describe('segments sorting', () => {
  const rows = [segment('b', 10, 5), segment(null, 50, 1), segment('a', 30, null), segment('c', 20, 40)];
  it.each([
    [{ key: 'n', descending: true }, [null, 'a', 'c', 'b']],
    [{ key: 'score', descending: true }, ['c', 'b', null, 'a']],
    [{ key: 'score', descending: false }, [null, 'b', 'c', 'a']],
    [{ key: 'value', descending: false }, ['a', 'b', 'c', null]],
  ] as const)('%j', (sort, values) => expect(sortSegments(rows, sort).map((row) => row.value)).toEqual(values));
  it('flips the same column and starts a new numeric one descending', () => {
    expect(nextSort({ key: 'n', descending: true }, 'n')).toEqual({ key: 'n', descending: false });
    expect(nextSort({ key: 'n', descending: true }, 'value')).toEqual({ key: 'value', descending: false });
    expect(nextSort({ key: 'value', descending: false }, 'score')).toEqual({ key: 'score', descending: true });
  });
  it('sorts CSAT and CES rows by their own score (they carry no nps)', () => {
    const csat = [csatSegment('delivery', 40, 55), csatSegment('checkout', 30, 80), csatSegment('support', 0, null), csatSegment('search', 12, 62.5)];
    expect(sortSegments(csat, { key: 'score', descending: true }).map((row) => row.value)).toEqual(['checkout', 'search', 'delivery', 'support']);
  });
});

describe('survey form', () => {
  it('turns form strings into an API body', () => {
    const values = { ...formValues(), id: ' shop ', name: ' Shop ', origins: 'https://shop.example\n\n https://*.shop.example ,', samplingPercent: '25', resurveyDays: '60' };
    expect(surveyBody(values, true)).toEqual({
      id: 'shop', name: 'Shop', allowedOrigins: ['https://shop.example', 'https://*.shop.example'], sampling: 0.25, resurveyDays: 60, active: true, metric: 'nps',
    });
    expect(surveyBody({ ...values, brand: '' }, false)).toMatchObject({ brand: null });
    expect(surveyBody({ ...values, metric: 'ces' }, true)).toMatchObject({ metric: 'ces' });
  });
  it('makes the embed snippet: only data-survey, plus data-collector when the script comes from elsewhere', () => {
    expect(embedSnippet('https://nps.example', 'homepage')).toBe('<script async src="https://nps.example/widget.js" data-survey="homepage"></script>');
    expect(selfHostedSnippet('https://nps.example', 'homepage', '/js/widget.js'))
      .toBe('<script async src="/js/widget.js" data-survey="homepage" data-collector="https://nps.example"></script>');
  });
  it.each([['Billing, VIP customer,, billing ', ['billing', 'vip-customer']], ['', []]] as const)('tags %j → %j', (text, tags) => expect(parseTags(text)).toEqual(tags));
});

describe('journey form', () => {
  const journey = { id: 'shop', name: 'Shop', steps: [{ name: 'Search', touchpoint: 'search', surveys: ['a'] }, { name: 'Help', journey: 'help', surveys: ['b', 'a'] }] };

  it('turns a journey into form values and back into the body the collector takes, names trimmed', () => {
    const values = journeyValues(journey, 'a');
    expect(values.steps.map((step) => [step.kind, step.key])).toEqual([['touchpoint', 'search'], ['journey', 'help']]);
    expect(journeyBody({ ...values, name: ' Shop online ' }, false)).toEqual({
      name: 'Shop online', steps: [{ name: 'Search', touchpoint: 'search', surveys: ['a'] }, { name: 'Help', journey: 'help', surveys: ['b', 'a'] }],
    });
    expect(journeyBody({ ...journeyValues(undefined, 'a'), id: ' new ' }, true)).toEqual({ id: 'new', name: '', steps: [{ name: '', touchpoint: '', surveys: ['a'] }] });
    expect(journeyValues(undefined, null).steps[0].surveys).toEqual([]);
  });

  it('moves a step within the list only, and keeps ticked surveys in the order they are listed', () => {
    const steps = journeyValues(journey, null).steps;
    expect(moveStep(steps, 1, -1).map((step) => step.name)).toEqual(['Help', 'Search']);
    expect(moveStep(steps, 0, -1).map((step) => step.name)).toEqual(['Search', 'Help']);
    expect(moveStep(steps, 1, 1).map((step) => step.name)).toEqual(['Search', 'Help']);
    expect(toggleSurvey(['c'], 'a', true, ['a', 'b', 'c'])).toEqual(['a', 'c']);
    expect(toggleSurvey(['a', 'c'], 'a', false, ['a', 'b', 'c'])).toEqual(['c']);
    expect(toggleSurvey(['gone'], 'b', true, ['a', 'b'])).toEqual(['b', 'gone']);
  });
});

describe('why a key could not be checked', () => {
  it.each([
    [new ApiError(401, 'unauthorized', 'Authorization: the API key is not valid'), 'unknown-key'],
    [new ApiError(0, 'network_error', null), 'unreachable'],
    [new ApiError(502, 'http_error', null), 'unreachable'],
    [new ApiError(504, 'http_error', null), 'unreachable'],
    [new ApiError(502, 'bad_gateway', 'the collector said so itself'), 'other'],
    [new ApiError(500, 'internal', 'Internal server error'), 'other'],
    [new Error('boom'), 'other'],
  ] as const)('%s → %s', (error, problem) => expect(keyProblem(error)).toBe(problem));
});

describe('the huddle timer', () => {
  const start = Date.parse('2026-03-01T09:00:00Z');
  it.each([
    [0, 15, false, '15:00'],
    [1, 15, false, '15:00'],
    [1000, 15, false, '14:59'],
    [14 * 60_000 + 59_500, 15, false, '0:01'],
    [15 * 60_000, 15, true, '0:00'],
    [17 * 60_000 + 5000, 15, true, '2:05'],
    [10 * 60_000, 30, false, '20:00'],
  ])('%i ms into a %i-minute huddle: over %s, %s', (elapsed, minutes, over, text) => {
    expect(timerReading(start, start + elapsed, minutes)).toEqual({ over, text });
  });
});
