import { describe, expect, it } from 'vitest';
import { queryString } from '../src/api.ts';
import { commandFor, nextStates, workOrder } from '../src/loops.ts';
import { changeWording, periodPair } from '../src/periods.ts';
import { parseRoute, routeHash } from '../src/routes.ts';
import { nextSort, sortSegments } from '../src/segments.ts';
import { embedSnippet, formValues, surveyBody } from '../src/survey-form.ts';
import type { Loop, Segment } from '../src/types.ts';

describe('routes', () => {
  it.each([
    ['#/demo/inbox', { surveyId: 'demo', page: 'inbox' }],
    ['#/demo', { surveyId: 'demo', page: 'overview' }],
    ['#/demo/nope', { surveyId: 'demo', page: 'overview' }],
    ['', { surveyId: null, page: 'overview' }],
    ['#//surveys', { surveyId: null, page: 'surveys' }],
  ])('%s', (hash, route) => expect(parseRoute(hash)).toEqual(route));
  it('round-trips', () => expect(parseRoute(routeHash({ surveyId: 'shop.nl', page: 'huddle' }))).toEqual({ surveyId: 'shop.nl', page: 'huddle' }));
});

describe('queryString', () => {
  it('repeats arrays and leaves out empty values', () => {
    expect(queryString({ state: ['open', 'contacted'], q: '', group: undefined, limit: 5, 'a.touchpoint': 'check out' }))
      .toBe('?state=open&state=contacted&limit=5&a.touchpoint=check+out');
    expect(queryString({})).toBe('');
  });
});

describe('periods', () => {
  it('puts the previous period right before the current one', () => {
    const pair = periodPair(7, Date.parse('2026-03-15T12:00:00Z'));
    expect(pair).toEqual({
      current: { from: '2026-03-08T12:00:00.000Z', to: '2026-03-15T12:00:00.000Z' },
      previous: { from: '2026-03-01T12:00:00.000Z', to: '2026-03-08T12:00:00.000Z' },
    });
  });
  it.each([
    [{ difference: 12, significant: true }, 'significantly up'],
    [{ difference: -12, significant: true }, 'significantly down'],
    [{ difference: 12, significant: false }, 'no significant change'],
    [{ difference: null, significant: false }, 'not enough answers to compare'],
  ])('%j reads "%s"', (change, text) => expect(changeWording(change)).toBe(text));
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

const segment = (value: string | null, n: number, nps: number | null) => ({ value, n, nps }) as Segment;

describe('segments sorting', () => {
  const rows = [segment('b', 10, 5), segment(null, 50, 1), segment('a', 30, null), segment('c', 20, 40)];
  it.each([
    [{ key: 'n', descending: true }, [null, 'a', 'c', 'b']],
    [{ key: 'nps', descending: true }, ['c', 'b', null, 'a']],
    [{ key: 'nps', descending: false }, [null, 'b', 'c', 'a']],
    [{ key: 'value', descending: false }, ['a', 'b', 'c', null]],
  ] as const)('%j', (sort, values) => expect(sortSegments(rows, sort).map((row) => row.value)).toEqual(values));
  it('flips the same column and starts a new numeric one descending', () => {
    expect(nextSort({ key: 'n', descending: true }, 'n')).toEqual({ key: 'n', descending: false });
    expect(nextSort({ key: 'n', descending: true }, 'value')).toEqual({ key: 'value', descending: false });
    expect(nextSort({ key: 'value', descending: false }, 'nps')).toEqual({ key: 'nps', descending: true });
  });
});

describe('survey form', () => {
  it('turns form strings into an API body', () => {
    const values = { ...formValues(), id: ' shop ', name: ' Shop ', origins: 'https://shop.example\n\n https://*.shop.example ,', samplingPercent: '25', resurveyDays: '60' };
    expect(surveyBody(values, true)).toEqual({
      id: 'shop', name: 'Shop', allowedOrigins: ['https://shop.example', 'https://*.shop.example'], sampling: 0.25, resurveyDays: 60, active: true,
    });
    expect(surveyBody({ ...values, brand: '' }, false)).toMatchObject({ brand: null });
  });
  it('makes the embed snippet', () => {
    expect(embedSnippet('https://nps.example', 'homepage')).toBe('<script async src="https://nps.example/widget.js" data-survey="homepage"></script>');
  });
});
