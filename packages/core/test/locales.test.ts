import { describe, expect, it } from 'vitest';
import { BUILT_IN_STRINGS, chooseLocale, surveyStrings } from '../src/index.js';

describe('chooseLocale', () => {
  it.each([
    [['de', 'nl', 'fr'], 'de'],
    [[undefined, 'nl-BE', 'fr'], 'nl'],
    [[null, '', 'fr-CA'], 'fr'],
    [['pt', 'ES'], 'es'],
    [['zh', 'ja'], 'en'],
    [[], 'en'],
    [['de_AT'], 'de'],
  ])('%o picks %s', (candidates, locale) => {
    expect(chooseLocale(candidates as string[])).toBe(locale);
  });
});

describe('surveyStrings', () => {
  it('fills in the brand and applies overrides', () => {
    const strings = surveyStrings('en', 'Acme', { thanks: 'Cheers!' });
    expect(strings.question).toBe('How likely are you to recommend Acme to a friend or colleague?');
    expect(strings.thanks).toBe('Cheers!');
    expect(strings.low).toBe('Not at all likely');
  });

  it('has every string in every built-in locale, with the brand placeholder', () => {
    const keys = Object.keys(BUILT_IN_STRINGS.en).sort();
    for (const [locale, strings] of Object.entries(BUILT_IN_STRINGS)) {
      expect(Object.keys(strings).sort(), locale).toEqual(keys);
      expect(strings.question, locale).toContain('{brand}');
      for (const value of Object.values(strings)) expect(value.trim().length, locale).toBeGreaterThan(0);
    }
  });

  it('never coaches the score', () => {
    for (const strings of Object.values(BUILT_IN_STRINGS)) {
      const all = Object.values(strings).join(' ');
      expect(all).not.toMatch(/\b(9|10)\b/);
    }
  });
});
