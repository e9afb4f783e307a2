import { chooseLocale, surveyStrings, type PublicScale, type PublicSurveySettings } from '@npsloop/core';
import type { PageOptions, WidgetStrings } from '../survey-view';

// Shown when the collector refused an answer: neutral, no blame, no "thanks".
const REFUSED = {
  en: 'Sorry, your answer could not be saved.',
  nl: 'Sorry, je antwoord kon niet worden opgeslagen.',
  de: 'Leider konnte Ihre Antwort nicht gespeichert werden.',
  fr: 'Désolé, votre réponse n’a pas pu être enregistrée.',
  es: 'Lo sentimos, no se pudo guardar tu respuesta.',
};

/** The survey's language, brand and strings. */
export interface SurveyWords {
  locale: keyof typeof REFUSED;
  brand: string;
  strings: WidgetStrings;
}

/**
 * The language (`data-locale`, then `<html lang>`, then the browser's) and the
 * words: the page's `data-brand` and `data-text-*` first, then the survey's
 * brand, wording for that language and follow-up prompts, then the built-in
 * strings (and the site's hostname as the brand).
 */
export function surveyWords(page: PageOptions, survey: PublicSurveySettings): SurveyWords {
  const locale = chooseLocale([page.locale, document.documentElement.lang, navigator.language]);
  const brand = page.brand ?? survey.brand ?? location.hostname.replace(/^www\./, '');
  const followUp = survey.followUp;
  const overrides = {
    error: REFUSED[locale],
    whyDetractor: followUp.detractor,
    whyPassive: followUp.passive,
    whyPromoter: followUp.promoter,
    ...survey.wording[locale],
    ...page.strings,
  };
  return { locale, brand, strings: surveyStrings(locale, brand, overrides) as WidgetStrings };
}

/** The scale of settings cached before surveys had a metric: NPS. */
export const NPS_SCALE: PublicScale = { lowest: 0, highest: 10, passiveFrom: 7, promoterFrom: 9 };

/** The "why" prompt for a score on the survey's scale: its group's own prompt when one was set, else the neutral default. */
export function whyPrompt(strings: WidgetStrings, score: number, scale: PublicScale = NPS_SCALE): string {
  return (score >= scale.promoterFrom ? strings.whyPromoter : score >= scale.passiveFrom ? strings.whyPassive : strings.whyDetractor) ?? strings.why;
}
