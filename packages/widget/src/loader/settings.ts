import type { PublicSurveySettings } from '@npsloop/core';
import type { PageConfig } from './config';
import type { AskRules, CachedSettings } from './eligibility';
import { isRefused, refusalReason, type Send } from './transport';

/** How long fetched settings (or a refusal) stand in for the collector's answer. */
export const SETTINGS_TTL = 10 * 60_000;

/**
 * Asks the collector for a survey's public settings. Resolves to the settings,
 * to a refusal (unknown survey, origin not allowed) in words for the console,
 * or to undefined when no usable answer came (offline, 5xx): try again later.
 */
export async function fetchSettings(send: Send, collector: string, survey: string, now: number): Promise<CachedSettings | undefined> {
  const reply = await send('GET', `${collector}/v1/surveys/${survey}/public`);
  if (isRefused(reply.status)) return { at: now, refusal: refusalReason(reply) };
  try {
    if (reply.status === 200) return { at: now, settings: JSON.parse(reply.text) };
  } catch {}
}

/** Whether to ask, by the page's attribute, then the survey's setting, then the default. */
export function askRules(page: PageConfig, survey?: PublicSurveySettings): AskRules & { resurveyDays: number; dismissDays: number } {
  return {
    sample: page.sample ?? survey?.sampling ?? 1,
    resurveyDays: page.resurveyDays ?? survey?.resurveyDays ?? 90,
    dismissDays: page.dismissDays ?? survey?.dismissDays ?? 30,
    minPageviews: page.minPageviews,
  };
}
