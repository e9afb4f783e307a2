import { BUILT_IN_STRINGS, type PublicSurveySettings } from '@npsloop/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageOptions } from '../../src/survey-view';
import { surveyWords, whyPrompt } from '../../src/ui/strings';

const survey = (change: Partial<PublicSurveySettings> = {}): PublicSurveySettings => ({
  id: 'demo', brand: null, wording: {}, followUp: {}, sampling: 1, resurveyDays: 90, dismissDays: 30, askConsent: true, active: true, ...change,
});
const page = (change: Partial<PageOptions> = {}): PageOptions => ({ strings: {}, looks: {}, ...change });

describe('surveyWords', () => {
  beforeEach(() => {
    document.documentElement.lang = '';
  });

  it.each([
    ['data-locale first', 'de', 'nl-BE', 'de'],
    ['then <html lang>', undefined, 'nl-BE', 'nl'],
    ['skipping unsupported ones', 'ja', 'es-MX', 'es'],
  ] as const)('chooses the language: %s', (_name, option, lang, expected) => {
    document.documentElement.lang = lang;
    expect(surveyWords(page({ locale: option }), survey()).locale).toBe(expected);
  });

  it.each([
    ["the browser's language", 'fr-CA', 'fr'],
    ['English last', 'ja-JP', 'en'],
  ])('falls back to %s', (_name, browser, expected) => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue(browser);
    expect(surveyWords(page({ locale: 'pt' }), survey()).locale).toBe(expected);
    vi.restoreAllMocks();
  });

  it.each([
    ['the page brand first', page({ brand: 'Page Co' }), survey({ brand: 'Survey Co' }), 'Page Co'],
    ["then the survey's", page(), survey({ brand: 'Survey Co' }), 'Survey Co'],
    ["then the site's hostname", page(), survey(), location.hostname.replace(/^www\./, '')],
  ])('brand: %s', (_name, pageOptions, settings, brand) => {
    const words = surveyWords(pageOptions, settings);
    expect(words.brand).toBe(brand);
    expect(words.strings.question).toBe(`How likely are you to recommend ${brand} to a friend or colleague?`);
  });

  it("lays the page's data-text-* over the survey's wording for the language, and that over the built-in strings", () => {
    document.documentElement.lang = 'nl';
    const words = surveyWords(
      page({ strings: { thanks: 'Page thanks' } }),
      survey({ wording: { nl: { thanks: 'Survey thanks', send: 'Verzend', question: 'Raad je {brand} aan?' }, en: { yes: 'Yep' } } }),
    );
    expect(words.strings).toMatchObject({ thanks: 'Page thanks', send: 'Verzend', question: `Raad je ${words.brand} aan?`, yes: BUILT_IN_STRINGS.nl.yes });
  });

  it('gives each score group its follow-up prompt, the page overruling the survey', () => {
    const words = surveyWords(page({ strings: { whyPromoter: 'What do you like most?' } }), survey({ followUp: { detractor: 'What should we fix?', promoter: 'Survey promoter prompt' } }));
    expect(whyPrompt(words.strings, 3)).toBe('What should we fix?');
    expect(whyPrompt(words.strings, 8)).toBe(BUILT_IN_STRINGS.en.why);
    expect(whyPrompt(words.strings, 10)).toBe('What do you like most?');
  });

  it.each([
    ['CSAT', { lowest: 1, highest: 5, passiveFrom: 3, promoterFrom: 4 }, [2, 3, 4]],
    ['CES', { lowest: 1, highest: 7, passiveFrom: 4, promoterFrom: 5 }, [3, 4, 5]],
  ])('groups %s answers by the scale the collector sent', (_name, scale, [low, middle, high]) => {
    const words = surveyWords(page(), survey({ followUp: { detractor: 'Low?', passive: 'Middle?', promoter: 'High?' } }));
    expect([low, middle, high].map((score) => whyPrompt(words.strings, score, scale))).toEqual(['Low?', 'Middle?', 'High?']);
  });

  it('has its own refusal notice in every built-in language, and it thanks no one', () => {
    const notices = Object.keys(BUILT_IN_STRINGS).map((locale) => {
      const words = surveyWords(page({ locale }), survey());
      expect(words.locale).toBe(locale);
      return words.strings.error;
    });
    expect(new Set(notices).size).toBe(notices.length);
    for (const notice of notices) expect(notice).not.toMatch(/thank|dank|merci|gracias/i);
  });
});
