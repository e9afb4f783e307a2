import type { PublicSurveySettings } from '@npsloop/core';
import { randomId } from './ids';
import { readJson, writeJson } from './storage';

/** A survey's public settings as the collector last answered, or why it refused this page, and when. */
export interface CachedSettings {
  at: number;
  settings?: PublicSurveySettings;
  refusal?: string;
}

/** Why a survey is not asked again for a while, from when, and until when. */
export interface QuietWindow {
  why: 'answered' | 'dismissed';
  at: number;
  until: number;
}

/** The one localStorage record: a visitor id, page views, quiet windows and cached settings per survey. */
export interface VisitorRecord {
  visitorId: string;
  pageViews: number;
  quiet: Record<string, QuietWindow>;
  cache: Record<string, CachedSettings>;
}

/** The rules that decide whether to ask (see `askRules` for where each comes from). */
export interface AskRules {
  sample: number;
  minPageviews: number;
}

/** The localStorage key of the record; other tabs watch it through `storage` events. */
export const RECORD_KEY = 'npsloop';

/** The stored record, or a fresh one (new visitor id) when missing, damaged or blocked. */
export function loadRecord(): VisitorRecord {
  const stored = readJson<Partial<VisitorRecord>>(RECORD_KEY);
  return {
    visitorId: typeof stored?.visitorId === 'string' ? stored.visitorId : randomId(),
    pageViews: Number(stored?.pageViews) || 0,
    quiet: { ...stored?.quiet },
    cache: { ...stored?.cache },
  };
}

/** Re-reads the record, applies a change and stores it (other tabs may have written in between). */
export function updateRecord(change: (record: VisitorRecord) => void): VisitorRecord {
  const record = loadRecord();
  change(record);
  writeJson(RECORD_KEY, record);
  return record;
}

/** A stable number in [0, 1) for a key (FNV-1a), so a visitor is sampled the same way on every page. */
export function sampleBucket(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  }
  return (hash >>> 0) / 2 ** 32;
}

/**
 * Why this visitor is not asked now, or '' when they may be: in a quiet window
 * after answering or dismissing, too few page views, or sampled out.
 * `sampleKey` is called only when sampling applies (it may store a visitor id).
 */
export function quietReason(record: VisitorRecord, survey: string, rules: AskRules, sampleKey: () => string, now: number): string {
  const quiet = record.quiet[survey];
  if (quiet && now < quiet.until) return quiet.why;
  if (record.pageViews < rules.minPageviews) return 'pageviews';
  return rules.sample < 1 && sampleBucket(sampleKey() + ':' + survey) >= rules.sample ? 'sampled' : '';
}
