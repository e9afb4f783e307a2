import { BUILT_IN_STRINGS } from '@npsloop/core';
import { describe, expect, it } from 'vitest';
import { localize, whyPrompt } from '../src/strings';

describe('localize', () => {
  it.each([
    ['the option first', ['de', 'nl', 'fr-FR'], 'de'],
    ['then <html lang>', [undefined, 'nl-BE', 'fr-FR'], 'nl'],
    ['then the browser language', [undefined, '', 'fr-CA'], 'fr'],
    ['skipping unsupported ones', ['ja', 'pt-BR', 'es-MX'], 'es'],
    ['English last', [undefined, 'ja', 'zh-CN'], 'en'],
  ] as const)('chooses %s', (_name, candidates, expected) => {
    expect(localize(candidates, 'Acme', {}).locale).toBe(expected);
  });

  it('fills in the brand and applies overrides', () => {
    const { strings } = localize(['nl'], 'Acme', { thanks: 'Top, dank je!' });
    expect(strings.question).toBe('Hoe waarschijnlijk is het dat je Acme aanbeveelt aan een vriend of collega?');
    expect(strings.thanks).toBe('Top, dank je!');
    expect(strings.send).toBe(BUILT_IN_STRINGS.nl.send);
  });
});

describe('whyPrompt', () => {
  const { strings } = localize(['en'], 'Acme', { whyDetractor: 'What should we do better?', whyPromoter: 'What do you like most?' });

  it.each([
    [0, 'What should we do better?'],
    [6, 'What should we do better?'],
    [7, 'What is the main reason for your score?'],
    [8, 'What is the main reason for your score?'],
    [9, 'What do you like most?'],
    [10, 'What do you like most?'],
  ])('score %i asks "%s"', (score, prompt) => {
    expect(whyPrompt(strings, score)).toBe(prompt);
  });
});
