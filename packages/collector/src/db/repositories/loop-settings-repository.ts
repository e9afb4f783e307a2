/** Per-survey loop settings, stored as one JSON document; they decide which answers open a loop. */
import { sql, type Expression, type RawBuilder } from 'kysely';
import { DEFAULT_LOOP_THRESHOLDS, isMetric, type Metric } from '@npsloop/core';
import type { DialectSql } from '../dialect.ts';
import type { Executor } from '../executor.ts';

/** The per-survey rules for loops. */
export interface LoopSettings {
  /** The survey's metric, whose scale the threshold is on. */
  metric: Metric;
  /** Answers at or below this open a loop (default NPS 6: every detractor; CSAT 2; CES 3). */
  detractorThreshold: number;
  /** NPS only: passives (7–8) open a loop too. */
  includePassives: boolean;
  /** Hours within which an open loop should get its first contact. */
  slaHours: number;
  /** The reasons a loop may be closed with. */
  closeReasons: string[];
}

/** Defaults for an NPS survey that never changed its loop settings (other metrics take their own threshold). */
export const DEFAULT_LOOP_SETTINGS: LoopSettings = {
  metric: 'nps',
  detractorThreshold: DEFAULT_LOOP_THRESHOLDS.nps,
  includePassives: false,
  slaHours: 48,
  closeReasons: ['no_reply', 'unreachable', 'not_actionable', 'duplicate', 'test_or_spam', 'declined_contact'],
};

/** The highest threshold each metric allows (one below the top of its scale: not every answer opens a loop). */
export const MAX_LOOP_THRESHOLDS: Record<Metric, number> = { nps: 6, csat: 4, ces: 6 };

/** The settings in force: what was set, the metric's default threshold where none was set or it is off the metric's range. */
export function effectiveLoopSettings(metric: Metric, stored: Partial<LoopSettings>): LoopSettings {
  const threshold = stored.detractorThreshold;
  const fits = threshold !== undefined && threshold >= 0 && threshold <= MAX_LOOP_THRESHOLDS[metric];
  return { ...DEFAULT_LOOP_SETTINGS, ...stored, metric, detractorThreshold: fits ? threshold : DEFAULT_LOOP_THRESHOLDS[metric] };
}

/** True when a score of this survey opens a loop. */
export function opensLoop(score: number, settings: LoopSettings): boolean {
  if (score <= settings.detractorThreshold) return true;
  return settings.metric === 'nps' && settings.includePassives && score >= 7 && score <= 8;
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

  /** A survey's settings, defaults (by its metric) for what was never set. */
  async get(surveyId: string): Promise<LoopSettings> {
    const cached = this.cache.get(surveyId);
    if (cached) return cached;
    const { metric, stored } = await this.read(surveyId);
    const settings = effectiveLoopSettings(metric, stored);
    this.cache.set(surveyId, settings);
    return settings;
  }

  /** Merges changes into what a survey set and returns the settings in force; only what was set is stored, so defaults follow the metric. */
  async update(surveyId: string, changes: Partial<Omit<LoopSettings, 'metric'>>, now: number): Promise<LoopSettings> {
    const { metric, stored } = await this.read(surveyId);
    const next = { ...stored, ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) };
    await this.executor.db.insertInto('loop_settings').values({ survey_id: surveyId, settings: JSON.stringify(next), updated_at: now })
      .onConflict((conflict) => conflict.column('survey_id').doUpdateSet((eb) => ({ settings: eb.ref('excluded.settings'), updated_at: eb.ref('excluded.updated_at') })))
      .execute();
    this.cache.delete(surveyId);
    return effectiveLoopSettings(metric, next);
  }

  /** The survey's metric and the settings it set (nothing for an unknown survey: NPS defaults). */
  private async read(surveyId: string): Promise<{ metric: Metric; stored: Partial<LoopSettings> }> {
    const row = await this.executor.db.selectFrom('surveys')
      .leftJoin('loop_settings', 'loop_settings.survey_id', 'surveys.id')
      .select(['surveys.settings as surveySettings', 'loop_settings.settings as loopSettings'])
      .where('surveys.id', '=', surveyId).executeTakeFirst();
    const metric: unknown = row ? JSON.parse(row.surveySettings).metric : undefined;
    const { metric: _metric, ...stored } = row?.loopSettings ? (JSON.parse(row.loopSettings) as Partial<LoopSettings>) : {};
    return { metric: isMetric(metric) ? metric : 'nps', stored };
  }
}
