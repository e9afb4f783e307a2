import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/analytics/csv.ts';
import { decodeCursor, encodeCursor } from '../../src/analytics/cursor.ts';
import { filterFromQuery } from '../../src/analytics/filters.ts';
import { foldText, searchWords } from '../../src/analytics/text-fold.ts';
import { rollupSelector } from '../../src/db/analytics/analytics-filter.ts';
import { ftsExpression } from '../../src/db/sqlite/sqlite-sql.ts';
import { parseIsoInstant } from '../../src/analytics/time-input.ts';

describe('parseIsoInstant', () => {
  it.each([
    ['2026-01-31', 'UTC', '2026-01-31T00:00:00.000Z'],
    ['2026-01-31', 'Asia/Kathmandu', '2026-01-30T18:15:00.000Z'],
    ['2026-01-31T12:00', 'America/St_Johns', '2026-01-31T15:30:00.000Z'],
    ['2026-01-31T12:00:00Z', 'Europe/Amsterdam', '2026-01-31T12:00:00.000Z'],
    ['2026-01-31T12:00:00.123456+05:45', 'UTC', '2026-01-31T06:15:00.123Z'],
    ['2026-03-29T02:30:00', 'Europe/Amsterdam', '2026-03-29T01:00:00.000Z'],
  ])('%s in %s is %s', (text, zone, iso) => {
    expect(new Date(parseIsoInstant(text, zone)!).toISOString()).toBe(iso);
  });

  it.each(['yesterday', '2026-02-30', '2026-01-31T24:00', '2026-13-01', '1969-12-31', '2026-01-31T12:00+19:00', '2026-1-3'])('rejects %s', (text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });
});

describe('cursors', () => {
  it('round-trip and refuse anything else', () => {
    const position = { createdAt: 1767225600123, id: '0Y6ZbC3d-kQ2_xYz9w1e' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    for (const token of ['', 'not-a-cursor', Buffer.from('1.2.3').toString('base64url'), Buffer.from('12.a b').toString('base64url'), 'a'.repeat(129)]) {
      expect(decodeCursor(token)).toBeNull();
    }
  });
});

describe('csvLine', () => {
  it('quotes only what RFC 4180 needs and ends records with CRLF', () => {
    expect(csvLine(['plain', 3, null, true, 'a,b', 'say "hi"', 'two\r\nlines', { plan: 'pro' }])).toBe(
      'plain,3,,true,"a,b","say ""hi""","two\r\nlines","{""plan"":""pro""}"\r\n',
    );
  });

  it.each([
    ['=HYPERLINK("https://evil.example","click")', `"'=HYPERLINK(""https://evil.example"",""click"")"`],
    ['+31 20 123 4567', "'+31 20 123 4567"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tindented', "'\tindented"],
    ['\r=1+1', `"'\r=1+1"`],
    ['a=1', 'a=1'],
    [' =1', ' =1'],
    [-3, '-3'],
  ])('neutralises text a spreadsheet would run: %j', (value, cell) => {
    expect(csvLine([value])).toBe(`${cell}\r\n`);
  });
});

describe('text folding and search', () => {
  it('folds case and accents, and quotes every search word', () => {
    expect(foldText('Één CAFÉ Über')).toBe('een cafe uber');
    expect(searchWords('slow  "delivery" OR NEAR(x)')).toEqual(['slow', 'delivery', 'OR', 'NEAR', 'x']);
    expect(ftsExpression(searchWords('slow  "delivery" OR NEAR(x)'))).toBe('"slow" "delivery" "OR" "NEAR" "x"*');
    expect(searchWords('!!! ---')).toEqual([]);
  });
});

describe('filters', () => {
  it('reads dimensions, properties and per-side overrides, and says when rollups can answer', () => {
    const query = { from: '2026-01-01', touchpoint: 'checkout', 'property.plan': 'pro', 'a.touchpoint': 'cart', bTo: '2026-02-01' };
    expect(filterFromQuery('demo', query)).toEqual({ surveyId: 'demo', from: Date.parse('2026-01-01'), dims: { touchpoint: 'checkout' }, properties: [['plan', 'pro']] });
    expect(filterFromQuery('demo', query, 'a').dims).toEqual({ touchpoint: 'cart' });
    expect(filterFromQuery('demo', query, 'b')).toMatchObject({ to: Date.parse('2026-02-01'), dims: { touchpoint: 'checkout' } });
    const filter = (dims: Record<string, string>, properties: [string, string][] = []) => ({ surveyId: 'demo', dims, properties });
    expect(rollupSelector(filter({}))).toEqual({ dim: '*', value: '' });
    expect(rollupSelector(filter({ channel: 'web' }))).toEqual({ dim: 'channel', value: 'web' });
    expect(rollupSelector(filter({ channel: 'web', locale: 'nl' }))).toBeNull();
    expect(rollupSelector(filter({}, [['plan', 'pro']]))).toBeNull();
  });
});
