import { describe, expect, it } from 'vitest';
import { cleanProperties, cleanVisitor, deviceClass, emailAddress, pagePath, plainText } from '../../src/loader/context';

describe('pagePath', () => {
  it('drops the query string unless asked, and never sends the fragment', () => {
    const where = { pathname: '/pricing', search: '?email=a@b.test' };
    expect(pagePath(where, false)).toBe('/pricing');
    expect(pagePath(where, true)).toBe('/pricing?email=a@b.test');
    expect(pagePath({ pathname: '/' + 'x'.repeat(600), search: '' }, false)).toHaveLength(512);
  });
});

describe('deviceClass', () => {
  it.each([
    [375, true, 'mobile'],
    [320, false, 'mobile'],
    [820, true, 'tablet'],
    [820, false, 'desktop'],
    [1440, true, 'desktop'],
  ])('%i px wide, coarse pointer %s → %s', (width, coarse, expected) => {
    expect(deviceClass(width, coarse)).toBe(expected);
  });
});

describe('plainText', () => {
  it.each([
    ['  hello  ', 'hello'],
    ['line one\nline two\ttabbed', 'line one\nline two\ttabbed'],
    ['bell\u0007 and null\u0000 removed', 'bell and null removed'],
    ['   ', undefined],
    [42, undefined],
  ])('%j → %j', (input, expected) => {
    expect(plainText(input, 100)).toBe(expected);
  });
});

describe('cleanProperties', () => {
  it('keeps flat string, finite number and boolean values under valid names', () => {
    expect(cleanProperties({ plan: 'pro', seats: 12, trial: false, nested: { a: 1 }, list: [1], nan: NaN, 'bad name': 'x', __proto__x: 1 })).toEqual({
      plan: 'pro',
      seats: 12,
      trial: false,
      __proto__x: 1,
    });
  });

  it("keeps no name an object already has, so nothing reaches a prototype and the collector's JSON guard never refuses the answer", () => {
    const traits = JSON.parse('{"__proto__": "x", "constructor": "y", "toString": "z", "plan": "pro"}');
    const cleaned = cleanProperties(traits)!;
    expect(Object.keys(cleaned)).toEqual(['plan']);
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
  });

  it('keeps at most 20 and bounds values to 200 characters', () => {
    const many = Object.fromEntries(Array.from({ length: 25 }, (_, index) => [`key${index}`, 'v'.repeat(300)]));
    const cleaned = cleanProperties(many)!;
    expect(Object.keys(cleaned)).toHaveLength(20);
    expect(cleaned.key0).toHaveLength(200);
  });

  it('returns nothing for nothing', () => {
    expect(cleanProperties(undefined)).toBeUndefined();
    expect(cleanProperties('plan=pro')).toBeUndefined();
    expect(cleanProperties({})).toBeUndefined();
  });
});

describe('emailAddress', () => {
  it.each([
    ['ann@acme.test', 'ann@acme.test'],
    ['ann.lee+nps@mail.acme.co.uk', 'ann.lee+nps@mail.acme.co.uk'],
    ['ann@localhost', undefined],
    ['ann @acme.test', undefined],
    ['not an email', undefined],
    [`${'a'.repeat(250)}@acme.test`, undefined],
    [42, undefined],
  ])('%s → %s', (input, expected) => {
    expect(emailAddress(input)).toBe(expected);
  });
});

describe('cleanVisitor', () => {
  it('keeps what the collector accepts and drops the rest', () => {
    expect(cleanVisitor({ userId: '  u-42 ', email: 'nope', traits: { plan: 'pro', nested: {} } })).toEqual({ userId: 'u-42', email: undefined, properties: { plan: 'pro' } });
    expect(cleanVisitor(null)).toEqual({ userId: undefined, email: undefined, properties: undefined });
  });
});
