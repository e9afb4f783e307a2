/** The languages themes are read in: each with its Snowball stemmer and stop words (from Orama's packages), and how a comment's language is chosen. */
import { stemmer as dutchStemmer } from '@orama/stemmers/dutch';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { stemmer as spanishStemmer } from '@orama/stemmers/spanish';
import { stopwords as dutchStopWords } from '@orama/stopwords/dutch';
import { stopwords as englishStopWords } from '@orama/stopwords/english';
import { stopwords as frenchStopWords } from '@orama/stopwords/french';
import { stopwords as germanStopWords } from '@orama/stopwords/german';
import { stopwords as spanishStopWords } from '@orama/stopwords/spanish';
import { NOT_THEMES } from './not-themes.ts';

/** A language whose comments are stemmed and cleaned of stop words. */
export type Language = 'en' | 'nl' | 'de' | 'fr' | 'es';

/** Every supported language; the order breaks ties when a language is guessed. */
export const LANGUAGES: readonly Language[] = ['en', 'nl', 'de', 'fr', 'es'];

/** What the extractor needs to know of one language. */
export interface LanguageTools {
  /** The Snowball stem of a lower-case word. */
  stem: (word: string) => string;
  /** Words that carry no theme but may sit inside a phrase ("of", "the", "never"). */
  glue: ReadonlySet<string>;
  /** Words that end a phrase: conjunctions between two thoughts. */
  breaks: ReadonlySet<string>;
  /** Stems of sentiment-only words ("great", "slecht"): never a theme, and they end a phrase. */
  sentimentStems: ReadonlySet<string>;
  /** The sentiment-only words as listed, to tell languages apart without stemming. */
  sentimentWords: ReadonlySet<string>;
}

/** Most words of a set of comments repeat: each language remembers the stems it made (about 2 µs each), up to this many. */
const STEM_MEMORY = 50_000;

function remembering(stem: (word: string) => string): (word: string) => string {
  const stems = new Map<string, string>();
  return (word) => {
    let found = stems.get(word);
    if (found === undefined) {
      if (stems.size >= STEM_MEMORY) stems.clear();
      found = stem(word);
      stems.set(word, found);
    }
    return found;
  };
}

const STEMMERS: Record<Language, (word: string) => string> = {
  en: englishStemmer, nl: dutchStemmer, de: germanStemmer, fr: frenchStemmer, es: spanishStemmer,
};
const STOP_WORDS: Record<Language, readonly string[]> = {
  en: englishStopWords, nl: dutchStopWords, de: germanStopWords, fr: frenchStopWords, es: spanishStopWords,
};

function tools(language: Language): LanguageTools {
  const stem = remembering(STEMMERS[language]);
  const own = NOT_THEMES[language];
  return {
    stem,
    sentimentWords: new Set(own.sentiment),
    glue: new Set([...STOP_WORDS[language], ...own.fillers].map((word) => word.toLowerCase())),
    breaks: new Set(own.conjunctions),
    sentimentStems: new Set(own.sentiment.map((word) => stem(word.toLowerCase()))),
  };
}

/** Each language's tools, built once. */
export const LANGUAGE_TOOLS: Readonly<Record<Language, LanguageTools>> = Object.fromEntries(
  LANGUAGES.map((language) => [language, tools(language)]),
) as Record<Language, LanguageTools>;

/** The supported language of a BCP 47 locale ("nl-BE" → "nl"), or null. */
export function languageOfLocale(locale: string | null | undefined): Language | null {
  const primary = locale?.split(/[-_]/)[0]?.toLowerCase();
  return LANGUAGES.find((language) => language === primary) ?? null;
}

/**
 * Guesses a comment's language from its lower-case words: the language whose stop
 * words, conjunctions and sentiment words it uses most; `fallback` on a tie or
 * without any. (Letter-statistics detectors need longer text than most comments have.)
 */
export function guessLanguage(words: readonly string[], fallback: Language): Language {
  let best = fallback;
  let bestHits = 0;
  for (const language of [fallback, ...LANGUAGES.filter((other) => other !== fallback)]) {
    const own = LANGUAGE_TOOLS[language];
    const hits = words.filter((word) => own.glue.has(word) || own.breaks.has(word) || own.sentimentWords.has(word)).length;
    if (hits > bestHits) [best, bestHits] = [language, hits];
  }
  return best;
}

/**
 * A survey's language: the supported language most of its answers' locales name
 * (the earlier in LANGUAGES on a tie), or `fallback` when none does. Comments
 * without a locale, or in a language of their own, are read in it.
 */
export function surveyLanguage(locales: Iterable<string | null | undefined>, fallback: Language = 'en'): Language {
  const counts = new Map<Language, number>();
  for (const locale of locales) {
    const language = languageOfLocale(locale);
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  let best = fallback;
  for (const language of LANGUAGES) if ((counts.get(language) ?? 0) > (counts.get(best) ?? 0)) best = language;
  return best;
}
