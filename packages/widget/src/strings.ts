import { chooseLocale, scoreGroup, surveyStrings, type BuiltInLocale } from '@npsloop/core';
import type { WidgetStrings } from './config';

/**
 * The locale (the option, then `<html lang>`, then the browser's language,
 * English last) and its strings with the site's overrides and brand applied.
 */
export function localize(
  candidates: readonly (string | null | undefined)[],
  brand: string,
  overrides: Partial<WidgetStrings>,
): { locale: BuiltInLocale; strings: WidgetStrings } {
  const locale = chooseLocale(candidates);
  return { locale, strings: surveyStrings(locale, brand, overrides) };
}

/** The "why" prompt for a score: the group's own prompt when the site set one, else the neutral default. */
export function whyPrompt(strings: WidgetStrings, score: number): string {
  const group = scoreGroup(score);
  return (group === 'detractor' ? strings.whyDetractor : group === 'passive' ? strings.whyPassive : strings.whyPromoter) ?? strings.why;
}
