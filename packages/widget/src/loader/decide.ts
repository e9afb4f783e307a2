import type { PublicSurveySettings } from '@npsloop/core';
import type { PageConfig } from './config';
import { loadRecord, quietReason, updateRecord, type CachedSettings } from './eligibility';
import { askRules, fetchSettings, SETTINGS_TTL } from './settings';
import type { Send } from './transport';

/**
 * Whether to show the survey now: resolves to its settings, or to why not
 * (`answered`, `dismissed`, `pageviews`, `sampled`, `paused`, `refused`);
 * rejects when the settings could not be fetched. Decides from the visitor's record first, so a visitor who
 * will not be asked costs no request; only then asks the collector for the
 * settings (cached for `SETTINGS_TTL`) and decides again with them. A paused
 * or refused survey is told to `warn`; `force` skips the windows and sampling,
 * never a pause. `sampleKey` names the visitor for sampling (it may store an id).
 */
export async function decide(
  page: PageConfig,
  force: boolean,
  sampleKey: () => string,
  warn: (reason: string) => void,
  send: Send,
): Promise<PublicSurveySettings | string> {
  const survey = page.survey;
  const cached = loadRecord().cache[survey];
  const fresh = cached && Date.now() - cached.at < SETTINGS_TTL ? cached : undefined;
  const reasonToWait = (known?: CachedSettings) =>
    force ? '' : quietReason(loadRecord(), survey, askRules(page, known?.settings), sampleKey, Date.now());

  const why = reasonToWait(fresh);
  if (why) return why;
  const known = fresh ?? (await fetchSettings(send, page.collector, survey, Date.now()));
  if (!fresh) updateRecord((record) => (record.cache[survey] = known));
  const settings = known.settings;
  if (!settings?.active) {
    warn(known.refusal ?? 'is paused');
    return settings ? 'paused' : 'refused';
  }
  return reasonToWait(known) || settings;
}
