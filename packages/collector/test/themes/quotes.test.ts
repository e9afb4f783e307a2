import { describe, expect, it } from 'vitest';
import { pickQuotes, quoteClarity } from '../../src/themes/quotes.ts';

const theme = { text: 'slow delivery', words: 2 };
const clarity = (text: string, themeWords = 4) => quoteClarity({ text, themeWords }, theme.text, theme.words);

describe('quote clarity', () => {
  it.each([
    ['a medium-length comment over a bare one', 'The slow delivery meant the gift arrived after the birthday', 'Slow delivery'],
    ['a medium-length comment over one that runs on', 'Slow delivery again, the parcel was a week late', `Slow delivery, ${'and then nothing happened for days '.repeat(12)}`],
    ['plain writing over shouting', 'Slow delivery again, the parcel was a week late', 'SLOW DELIVERY AGAIN, THE PARCEL WAS A WEEK LATE'],
    ['a comment without a link over one with a link', 'Slow delivery again, the parcel was a week late', 'Slow delivery again, see https://example.com/t/1'],
    ['a comment without an address over one with an address', 'Slow delivery again, the parcel was a week late', 'Slow delivery again, write to jan@example.com'],
  ])('prefers %s', (_, better, worse) => {
    expect(clarity(better)).toBeGreaterThan(clarity(worse));
  });

  it('prefers the comment that says more besides the theme, and the theme as written over its stem', () => {
    expect(clarity('Slow delivery and the box arrived crushed', 5)).toBeGreaterThan(clarity('Slow delivery and the box arrived crushed', 2));
    expect(clarity('Slow delivery, the parcel took two weeks')).toBeGreaterThan(clarity('Slow deliveries, the parcel took two weeks'));
  });
});

describe('picking quotes', () => {
  const candidates = [
    { text: 'Slow delivery', themeWords: 2 },
    { text: 'Slow delivery again, the parcel was a week late', themeWords: 6 },
    { text: 'slow delivery again, the parcel was a week late', themeWords: 6 },
    { text: 'The slow delivery meant the gift arrived after the birthday', themeWords: 7 },
  ];

  it('picks the clearest, never the same text twice, and gives way to quotes not shown under another theme', () => {
    const shown = new Set<string>();
    expect(pickQuotes(candidates, theme, 2, shown)).toEqual(['The slow delivery meant the gift arrived after the birthday', 'Slow delivery again, the parcel was a week late']);
    expect(shown).toEqual(new Set(['the slow delivery meant the gift arrived after the birthday', 'slow delivery again, the parcel was a week late']));
    // Another theme of the same comments: the one not shown yet first, even though it is the least clear.
    expect(pickQuotes(candidates, theme, 2, shown)).toEqual(['Slow delivery', 'The slow delivery meant the gift arrived after the birthday']);
    expect(pickQuotes(candidates, theme, 0, new Set())).toEqual([]);
  });
});
