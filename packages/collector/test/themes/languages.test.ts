import { describe, expect, it } from 'vitest';
import { surveyLanguage } from '../../src/themes/languages.ts';

describe("a survey's language", () => {
  it.each([
    [['nl-NL', 'nl-BE', 'en-GB', null], 'nl'],
    [['en', 'de-AT', 'de-CH', 'fr'], 'de'],
    [['en-US', 'nl-NL'], 'en'],
    [['ja-JP', 'pt-BR', null, undefined], 'en'],
    [[], 'en'],
  ] as const)('%j reads as %s', (locales, language) => {
    expect(surveyLanguage(locales)).toBe(language);
  });

  it('falls back to the language asked for when no locale names a supported one', () => {
    expect(surveyLanguage(['ja', null], 'fr')).toBe('fr');
    expect(surveyLanguage(['es-MX'], 'fr')).toBe('es');
  });
});
