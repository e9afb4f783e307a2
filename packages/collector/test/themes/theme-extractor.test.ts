import { describe, expect, it } from 'vitest';
import { readComments, type ThemeComment } from '../../src/themes/comment-corpus.ts';
import { findThemes, type Theme } from '../../src/themes/theme-extractor.ts';

const summary = (themes: readonly Theme[]) => themes.map((theme) => [theme.theme, theme.mentions]);
const mentions = (all: number, detractors: number, passives: number, promoters: number) => ({ all, detractors, passives, promoters });

/** English comments, newest first. */
const ENGLISH: ThemeComment[] = [
  { score: 2, comment: 'Slow delivery, the parcel took two weeks' },
  { score: 3, comment: 'Slow deliveries every single time' },
  { score: 1, comment: 'Very slow delivery and no tracking updates' },
  { score: 2, comment: 'Checkout kept failing on my card' },
  { score: 4, comment: 'The checkout kept failing, so I gave up' },
  { score: 5, comment: 'Great app but terrible delivery' },
  { score: 10, comment: 'Great, great, great!' },
  { score: 10, comment: 'Fast delivery and great quality' },
  { score: 9, comment: 'Fast delivery, friendly support' },
  { score: 7, comment: 'Good, but the delivery was slow' },
];

/** Dutch comments, newest first; the short ones carry their locale, the others are recognised by their words. */
const DUTCH: ThemeComment[] = [
  { score: 1, comment: 'Trage levering!', locale: 'nl-NL' },
  { score: 2, comment: 'Trage levering, pakket kwam veel te laat' },
  { score: 3, comment: 'De levering was traag en de klantenservice reageerde niet' },
  { score: 4, comment: 'Leveringen duren altijd te lang' },
  { score: 9, comment: 'Goede service, snelle levering', locale: 'nl' },
  { score: 10, comment: 'Super goed, echt top', locale: 'nl-BE' },
  { score: 0, comment: 'Slecht.', locale: 'nl' },
  { score: 2, comment: 'Klantenservice reageerde niet op mijn mail' },
];

describe('themes of English comments', () => {
  const corpus = readComments(ENGLISH);

  it('counts every theme by the set it counts and merges "deliveries" into "delivery" by stem', () => {
    const report = findThemes(corpus, { limit: 3 });
    expect(report.comments).toEqual(mentions(10, 6, 1, 3));
    expect(summary(report.themes)).toEqual([
      ['delivery', mentions(7, 4, 1, 2)],
      ['slow', mentions(4, 3, 1, 0)],
      ['slow delivery', mentions(3, 3, 0, 0)],
    ]);
    // The NPS is that of every answer mentioning the theme: n is mentions.all.
    expect(report.themes[0].nps).toMatchObject({ n: 7, nps: -28.6 });
  });

  it('shows a theme as most comments wrote it, not as its stems', () => {
    const slowDelivery = findThemes(corpus).themes.find((theme) => theme.theme.startsWith('slow deliver'));
    // Two comments write "slow delivery", one "slow deliveries": one theme, written the common way.
    expect(slowDelivery).toMatchObject({ theme: 'slow delivery', words: 2, mentions: mentions(3, 3, 0, 0) });
  });

  it("merges overlapping fragments of the same comments into the longer phrase, within the asked group", () => {
    const report = findThemes(corpus, { group: 'detractor' });
    // "checkout kept" and "kept failing" are one phrase; "slow" alone is said by detractors only inside "slow delivery".
    expect(summary(report.themes)).toEqual([
      ['delivery', mentions(7, 4, 1, 2)],
      ['slow delivery', mentions(3, 3, 0, 0)],
      ['checkout kept failing', mentions(2, 2, 0, 0)],
    ]);
  });

  it('never makes a theme of a sentiment-only word, and a phrase never runs across one or across "and"', () => {
    const themes = findThemes(corpus, { minMentions: 1, limit: 100 }).themes.map((theme) => theme.theme);
    for (const sentiment of ['great', 'terrible', 'good', 'very']) expect(themes.join(' | ')).not.toMatch(new RegExp(`\\b${sentiment}\\b`));
    expect(themes).toContain('app');
    expect(themes).toContain('quality');
    expect(themes).not.toContain('delivery and great quality');
    expect(findThemes(readComments([{ score: 10, comment: 'Great, great, great!' }, { score: 9, comment: 'Great!!' }])).themes).toEqual([]);
  });

  it('quotes the clearest comments of the group, not the first ones', () => {
    const checkout = findThemes(corpus, { group: 'detractor' }).themes.find((theme) => theme.theme === 'checkout kept failing')!;
    expect(checkout.quotes).toEqual(['The checkout kept failing, so I gave up', 'Checkout kept failing on my card']);
    // Promoters' themes are quoted from promoters only.
    const fast = findThemes(corpus, { group: 'promoter' }).themes.find((theme) => theme.theme === 'fast delivery')!;
    // Equal length and both with the phrase as written: the one that says more comes first.
    expect(fast).toMatchObject({ mentions: mentions(2, 0, 0, 2), quotes: ['Fast delivery, friendly support', 'Fast delivery and great quality'] });
  });

  it('leaves out links, addresses, mentions and markup, and keeps glue words only inside a phrase', () => {
    const report = findThemes(readComments([
      { score: 3, comment: 'Refund never arrived, see https://example.com/order/12 <b>now</b>' },
      { score: 2, comment: 'My refund never arrived!! mail me at jan@example.com @support' },
      { score: 1, comment: 'refund never arrived' },
    ]), { minMentions: 2, limit: 10 });
    expect(report.themes.map((theme) => theme.theme)).toEqual(['refund never arrived']);
  });
});

describe('themes of Dutch comments', () => {
  const corpus = readComments(DUTCH);

  it('stems Dutch words, so "levering" and "leveringen", "trage" and "traag" are one theme each', () => {
    expect(corpus.read.map((comment) => comment.language)).toEqual(['nl', 'nl', 'nl', 'nl', 'nl', 'nl', 'nl', 'nl']);
    const report = findThemes(corpus, { group: 'detractor' });
    expect(summary(report.themes)).toEqual([
      ['levering', mentions(5, 4, 0, 1)],
      ['trage', mentions(3, 3, 0, 0)],
      ['klantenservice reageerde', mentions(2, 2, 0, 0)],
      ['trage levering', mentions(2, 2, 0, 0)],
    ]);
  });

  it('never makes a theme of "goed", "super", "top" or "slecht"', () => {
    const themes = findThemes(corpus, { minMentions: 1, limit: 100 }).themes.map((theme) => theme.theme);
    expect(themes).toContain('service');
    expect(themes).toContain('snelle levering');
    for (const sentiment of ['goed', 'goede', 'super', 'top', 'slecht', 'echt']) expect(themes.join(' | ')).not.toMatch(new RegExp(`\\b${sentiment}\\b`));
  });

  it('quotes the clearest Dutch comments for a theme: the newest, a bare "Trage levering!", comes last', () => {
    const delivery = findThemes(corpus, { group: 'detractor', quotes: 4 }).themes[0];
    expect(delivery.quotes).toEqual([
      'Trage levering, pakket kwam veel te laat', 'De levering was traag en de klantenservice reageerde niet', 'Leveringen duren altijd te lang', 'Trage levering!',
    ]);
  });
});

describe('themes in German, French and Spanish', () => {
  it.each([
    { language: 'de', comments: ['Die Lieferung war sehr langsam', 'Lieferungen kommen immer zu spät', 'Super, alles gut!', 'Der Kundenservice war toll'], theme: 'lieferung', not: ['super', 'gut', 'toll'] },
    { language: 'fr', comments: ["La livraison de l'équipe était lente", 'Les livraisons sont en retard', 'Très bien, parfait', "Merci à l'équipe"], theme: 'livraison', not: ['bien', 'parfait', 'merci', "l'équipe"] },
    { language: 'es', comments: ['La entrega fue muy lenta', 'Las entregas llegan tarde', 'Todo genial, excelente', 'Buena atención al cliente'], theme: 'entrega', not: ['genial', 'excelente', 'buena'] },
  ])('stems $language words and leaves out its sentiment words', ({ language, comments, theme, not }) => {
    const corpus = readComments(comments.map((comment) => ({ score: 3, comment })));
    expect(new Set(corpus.read.map((comment) => comment.language))).toEqual(new Set([language]));
    const themes = findThemes(corpus, { minMentions: 1, limit: 100 }).themes;
    expect(themes.find((found) => found.theme === theme)).toMatchObject({ words: 1, mentions: mentions(2, 2, 0, 0) });
    const written = themes.map((found) => found.theme).join(' | ');
    for (const word of not) expect(written).not.toMatch(new RegExp(`(^|[ |])${word}($|[ |])`));
  });

  it('reads French elision: "l\'équipe" is the theme "équipe"', () => {
    const corpus = readComments(["La livraison de l'équipe était lente", "Merci à l'équipe"].map((comment) => ({ score: 5, comment, locale: 'fr' })));
    expect(findThemes(corpus).themes.map((theme) => theme.theme)).toEqual(['équipe']);
  });
});
