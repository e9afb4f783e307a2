import { surveyStrings, type BuiltInLocale, type SurveyStrings } from '../locales.js';
import type { Metric } from '../metrics/metric-scales.js';

/** The question and the labels of the scale's two ends. */
export type ScaleWording = Pick<SurveyStrings, 'question' | 'low' | 'high'>;

/**
 * Standard, neutral CSAT (1 = very dissatisfied … 5 = very satisfied) and CES (1 = strongly
 * disagree … 7 = strongly agree) wording in the built-in languages; `{brand}` is the touchpoint
 * or brand asked about. NPS wording is `BUILT_IN_STRINGS`. Kept apart from it so that code
 * importing only the NPS strings (the widget) does not carry these.
 */
export const SCALE_WORDING: Record<Exclude<Metric, 'nps'>, Record<BuiltInLocale, ScaleWording>> = {
  csat: {
    en: { question: 'How satisfied were you with {brand}?', low: 'Very dissatisfied', high: 'Very satisfied' },
    nl: { question: 'Hoe tevreden was je over {brand}?', low: 'Zeer ontevreden', high: 'Zeer tevreden' },
    de: { question: 'Wie zufrieden waren Sie mit {brand}?', low: 'Sehr unzufrieden', high: 'Sehr zufrieden' },
    fr: { question: 'Quel est votre niveau de satisfaction concernant {brand}\u00a0?', low: 'Très insatisfait', high: 'Très satisfait' },
    es: { question: '¿Cuál es tu grado de satisfacción con {brand}?', low: 'Muy insatisfecho', high: 'Muy satisfecho' },
  },
  ces: {
    en: { question: '{brand} made it easy for me to handle my issue.', low: 'Strongly disagree', high: 'Strongly agree' },
    nl: { question: '{brand} maakte het mij gemakkelijk om mijn vraag af te handelen.', low: 'Helemaal oneens', high: 'Helemaal eens' },
    de: { question: '{brand} hat es mir leicht gemacht, mein Anliegen zu erledigen.', low: 'Stimme überhaupt nicht zu', high: 'Stimme voll und ganz zu' },
    fr: { question: '{brand} m’a permis de traiter facilement ma demande.', low: 'Pas du tout d’accord', high: 'Tout à fait d’accord' },
    es: { question: '{brand} me facilitó la gestión de mi solicitud.', low: 'Totalmente en desacuerdo', high: 'Totalmente de acuerdo' },
  },
};

/**
 * A survey's strings for its metric and locale: the metric's standard question and end labels
 * over the built-in strings, then the site's overrides, with `{brand}` filled in by `subject`
 * (the touchpoint or brand asked about).
 */
export function metricSurveyStrings(metric: Metric, locale: BuiltInLocale, subject: string, overrides: Partial<SurveyStrings> = {}): SurveyStrings {
  const standard = metric === 'nps' ? {} : SCALE_WORDING[metric][locale];
  return surveyStrings(locale, subject, { ...standard, ...overrides });
}
