import type { WidgetConfig } from './config';
import { randomId } from './ids';
import { readJson, writeJson } from './storage';

/** The one localStorage record: a visitor id, page views, and when each survey was answered or dismissed. */
export interface EligibilityRecord {
  visitorId: string;
  pageViews: number;
  answeredAt: Record<string, number>;
  dismissedAt: Record<string, number>;
}

/** The localStorage key of the record; other tabs watch it through `storage` events. */
export const RECORD_KEY = 'npsloop';

const DAY = 864e5;

/** The stored record, or a fresh one (new visitor id) when missing, damaged or blocked. */
export function loadRecord(): EligibilityRecord {
  const stored = readJson<Partial<EligibilityRecord>>(RECORD_KEY);
  return {
    visitorId: typeof stored?.visitorId === 'string' ? stored.visitorId : randomId(),
    pageViews: Number(stored?.pageViews) || 0,
    answeredAt: { ...stored?.answeredAt },
    dismissedAt: { ...stored?.dismissedAt },
  };
}

/** Re-reads the record, applies a change and stores it (other tabs may have written in between). */
export function updateRecord(change: (record: EligibilityRecord) => void): EligibilityRecord {
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

/** Whether this visitor may be asked now: outside the re-survey and dismiss windows, enough page views, sampled in. */
export function isEligible(record: EligibilityRecord, config: WidgetConfig, visitorId: string, now: number): boolean {
  const answered = record.answeredAt[config.survey];
  const dismissed = record.dismissedAt[config.survey];
  if (answered && now - answered < config.resurveyDays * DAY) return false;
  if (dismissed && now - dismissed < config.dismissDays * DAY) return false;
  if (record.pageViews < config.minPageviews) return false;
  return sampleBucket(visitorId + ':' + config.survey) < config.sample;
}
