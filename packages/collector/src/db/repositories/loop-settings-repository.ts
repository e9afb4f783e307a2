/** Per-survey loop settings, stored as one JSON document; they decide which answers open a loop. */
import { sql, type Expression, type RawBuilder } from 'kysely';
import type { DialectSql } from '../dialect.ts';
import type { Executor } from '../executor.ts';

/** The per-survey rules for loops. */
export interface LoopSettings {
  /** Scores at or below this open a loop (0–6; default 6, every detractor). */
  detractorThreshold: number;
  /** Passives (7–8) open a loop too. */
  includePassives: boolean;
  /** Hours within which an open loop should get its first contact. */
  slaHours: number;
  /** The reasons a loop may be closed with. */
  closeReasons: string[];
}

/** Defaults for a survey that never changed its loop settings. */
export const DEFAULT_LOOP_SETTINGS: LoopSettings = {
  detractorThreshold: 6,
  includePassives: false,
  slaHours: 48,
  closeReasons: ['no_reply', 'unreachable', 'not_actionable', 'duplicate', 'test_or_spam', 'declined_contact'],
};

/** True when a score of this survey opens a loop. */
export function opensLoop(score: number, settings: LoopSettings): boolean {
  if (score <= settings.detractorThreshold) return true;
  return settings.includePassives && score >= 7 && score <= 8;
}

/** A survey's SLA in ms from its stored settings document (NULL: never set, the default). */
export function slaMsExpression(dialectSql: DialectSql, settings: Expression<string | null>): RawBuilder<number> {
  return sql<number>`(COALESCE(${dialectSql.jsonNumberField(settings, 'slaHours')}, ${sql.lit(DEFAULT_LOOP_SETTINGS.slaHours)}) * 3600000)`;
}

/**
 * Loop settings by survey, read on every ingest write (built once per database). Kept until patched when this
 * process is the only writer (SQLite); for `ttlMs` when other processes may patch them too (PostgreSQL).
 */
export class LoopSettingsCache {
  private readonly entries = new Map<string, { settings: LoopSettings; expires: number }>();

  constructor(private readonly ttlMs = Infinity) {}

  /** A survey's cached settings, unless absent or expired. */
  get(surveyId: string): LoopSettings | undefined {
    const entry = this.entries.get(surveyId);
    if (!entry) return undefined;
    if (entry.expires !== Infinity && entry.expires <= Date.now()) {
      this.entries.delete(surveyId);
      return undefined;
    }
    return entry.settings;
  }

  /** Remembers a survey's settings. */
  set(surveyId: string, settings: LoopSettings): void {
    this.entries.set(surveyId, { settings, expires: this.ttlMs === Infinity ? Infinity : Date.now() + this.ttlMs });
  }

  /** Forgets a survey's settings (after a patch). */
  delete(surveyId: string): void {
    this.entries.delete(surveyId);
  }
}

/** Reads and writes the loop settings of surveys. */
export class LoopSettingsRepository {
  constructor(private readonly executor: Executor, private readonly cache: LoopSettingsCache) {}

  /** A survey's settings when they are known without a query (the ingest hot path asks this first). */
  cached(surveyId: string): LoopSettings | undefined {
    return this.cache.get(surveyId);
  }

  /** A survey's settings, defaults for what was never set. */
  async get(surveyId: string): Promise<LoopSettings> {
    const cached = this.cache.get(surveyId);
    if (cached) return cached;
    const row = await this.executor.db.selectFrom('loop_settings').select('settings').where('survey_id', '=', surveyId).executeTakeFirst();
    const settings = { ...DEFAULT_LOOP_SETTINGS, ...(row ? (JSON.parse(row.settings) as Partial<LoopSettings>) : {}) };
    this.cache.set(surveyId, settings);
    return settings;
  }

  /** Merges changes into a survey's settings and returns the result. */
  async update(surveyId: string, changes: Partial<LoopSettings>, now: number): Promise<LoopSettings> {
    const next = { ...(await this.get(surveyId)), ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) };
    await this.executor.db.insertInto('loop_settings').values({ survey_id: surveyId, settings: JSON.stringify(next), updated_at: now })
      .onConflict((conflict) => conflict.column('survey_id').doUpdateSet((eb) => ({ settings: eb.ref('excluded.settings'), updated_at: eb.ref('excluded.updated_at') })))
      .execute();
    this.cache.delete(surveyId);
    return next;
  }
}
