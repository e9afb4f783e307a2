/** Reads one comment into clauses of words: each word a theme word (by its stem) or glue, with where it stands in the text. */
import { guessLanguage, LANGUAGE_TOOLS, languageOfLocale, type Language } from './languages.ts';

/** One word of a clause. */
export interface CommentWord {
  /** Theme words match by stem, glue words by their folded form; both without case or accents. */
  key: string;
  /** False for glue: a stop word, filler or number, which may only sit inside a phrase. */
  themeWord: boolean;
  /** Where the word stands in the comment's text. */
  start: number;
  end: number;
}

/** A comment read for themes. */
export interface ReadComment {
  text: string;
  language: Language;
  /** Distinct theme words in the comment: how much it says. */
  themeWords: number;
  /** Runs of words that a phrase may span; punctuation, conjunctions and sentiment words end a run. */
  clauses: CommentWord[][];
}

// Apostrophes and hyphens inside a word keep it whole: "e-mail", "don't", "track-and-trace".
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’‘\-‐][\p{L}\p{M}\p{N}]+)*/gu;
// Between two words, these end a clause: sentence and clause punctuation, brackets, quotes, line breaks, a spaced dash.
const CLAUSE_GAP = /[.,;:!?()[\]{}"“”„«»…\r\n\t|]|\s[-–—]\s/;
// Links, e-mail addresses, @-mentions and HTML tags are not words of the comment: they become clause breaks.
const NOT_PROSE = /https?:\/\/\S+|www\.\S+|[^\s@]+@[^\s@]+\.[^\s@]+|@[\p{L}\p{N}_]+|<[^<>]{0,200}>/gu;
// French elision: "l'équipe" is "équipe" after the article.
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)'(?=.)/;
// Printable ASCII, by far the most common, needs no Unicode normalisation.
const ASCII = /^[ -~]*$/;

/** Lower case without accents: "Équipe" → "equipe". */
export function fold(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

function lowerWord(word: string): string {
  return ASCII.test(word) ? word.toLowerCase() : word.normalize('NFC').toLowerCase().replace(/[’‘]/g, "'").replace(/‐/g, '-');
}

/**
 * Reads a comment: its language is the locale's when supported, else guessed from
 * its words, else `fallback`; then every word is stemmed in that language.
 */
export function readComment(text: string, locale: string | null | undefined, fallback: Language): ReadComment {
  const prose = /[@<]|http|www\./i.test(text) ? text.replace(NOT_PROSE, (markup) => '.'.repeat(markup.length)) : text;
  const found: { word: string; start: number; end: number }[] = [];
  for (let match = WORD.exec(prose); match; match = WORD.exec(prose)) found.push({ word: lowerWord(match[0]), start: match.index, end: WORD.lastIndex });
  const language = languageOfLocale(locale) ?? guessLanguage(found.map((item) => item.word), fallback);
  const tools = LANGUAGE_TOOLS[language];
  const clauses: CommentWord[][] = [[]];
  const endClause = () => { if (clauses[clauses.length - 1].length > 0) clauses.push([]); };
  let previousEnd = 0;
  for (const item of found) {
    let { word, start } = item;
    const { end } = item;
    // A single space, the usual gap, never ends a clause.
    if ((start - previousEnd !== 1 || prose[previousEnd] !== ' ') && CLAUSE_GAP.test(prose.slice(previousEnd, start))) endClause();
    previousEnd = end;
    const elided = language === 'fr' ? ELISION.exec(word) : null;
    if (elided) {
      endClause();
      word = word.slice(elided[0].length);
      start += elided[0].length;
    }
    if (language === 'en') word = word.replace(/'s?$/, '');
    if (tools.breaks.has(word) || tools.sentimentStems.has(tools.stem(word))) {
      endClause();
      continue;
    }
    const folded = fold(word);
    const glue = tools.glue.has(word) || tools.glue.has(folded) || folded.length < 2 || /^\p{N}+$/u.test(folded);
    clauses[clauses.length - 1].push({ key: glue ? folded : fold(tools.stem(word)), themeWord: !glue, start, end });
  }
  const themeWords = new Set(clauses.flatMap((clause) => clause.filter((word) => word.themeWord).map((word) => word.key))).size;
  return { text, language, themeWords, clauses: clauses.filter((clause) => clause.some((word) => word.themeWord)) };
}
