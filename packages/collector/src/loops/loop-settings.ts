/** Per-survey loop settings: stored as one JSON document, defaults filled in when read. */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { slug } from '../lib/common-schemas.ts';
import { DEFAULT_LOOP_SETTINGS, type LoopSettings } from './loop-state.ts';

/** Body of `PATCH /v1/surveys/:id/loop-settings`: any subset of the settings. */
export const loopSettingsPatchSchema = z.strictObject({
  detractorThreshold: z.number().int().min(0).max(6, { error: 'must be an integer from 0 to 6' }).optional(),
  includePassives: z.boolean().optional(),
  slaHours: z.number().int().min(1).max(24 * 90, { error: 'must be an integer from 1 to 2160' }).optional(),
  closeReasons: z.array(slug).min(1).max(30, { error: 'must have 1 to 30 reasons' }).optional(),
});

/** The loop settings as the API returns them. */
export const loopSettingsSchema = z.object({
  surveyId: z.string(),
  detractorThreshold: z.number(),
  includePassives: z.boolean(),
  slaHours: z.number(),
  closeReasons: z.array(z.string()),
});

/** A validated settings patch. */
export type LoopSettingsPatch = z.infer<typeof loopSettingsPatchSchema>;

// Ingest reads a survey's settings on every write: they are cached per database until patched.
const settingsCache = new WeakMap<Database, Map<string, LoopSettings>>();

/** Reads and writes the loop settings of surveys. */
export function createLoopSettingsStore(db: Database) {
  const cache = settingsCache.get(db) ?? settingsCache.set(db, new Map()).get(db)!;
  const select = db.prepare<[string], { settings: string }>('SELECT settings FROM loop_settings WHERE survey_id = ?');
  const upsert = db.prepare(`INSERT INTO loop_settings (survey_id, settings, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (survey_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`);

  /** A survey's settings, defaults for what was never set. */
  function get(surveyId: string): LoopSettings {
    let settings = cache.get(surveyId);
    if (!settings) {
      const row = select.get(surveyId);
      settings = { ...DEFAULT_LOOP_SETTINGS, ...(row ? (JSON.parse(row.settings) as Partial<LoopSettings>) : {}) };
      cache.set(surveyId, settings);
    }
    return settings;
  }

  return {
    get,
    /** Merges a patch into a survey's settings and returns the result. */
    patch(surveyId: string, patch: LoopSettingsPatch, now: number): LoopSettings {
      const next = { ...get(surveyId), ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) };
      upsert.run(surveyId, JSON.stringify(next), now);
      cache.delete(surveyId);
      return next;
    },
  };
}

/** The loop-settings store's interface. */
export type LoopSettingsStore = ReturnType<typeof createLoopSettingsStore>;
