/** Surveys: reads cached briefly (every ingest request needs its survey), creates and partial updates. */
import { METRIC_NAMES, type Metric } from '@npsloop/core';
import { HttpError } from '../../lib/errors.ts';
import type { Executor } from '../executor.ts';
import type { SurveysTable } from '../schema.ts';

/** A survey as stored and returned. */
export interface SurveyRecord {
  id: string;
  name: string;
  brand: string | null;
  wording: Record<string, Record<string, string | undefined>>;
  followUp: { detractor?: string; passive?: string; promoter?: string };
  allowedOrigins: string[];
  sampling: number;
  resurveyDays: number;
  dismissDays: number;
  askConsent: boolean;
  active: boolean;
  /** What the survey measures; fixed once it has answers. */
  metric: Metric;
  createdAt: string;
  updatedAt: string;
}

/** The fields of a new survey; settings left out take their defaults. */
export type NewSurvey = Pick<SurveyRecord, 'id' | 'name' | 'allowedOrigins'> & Partial<Omit<SurveyRecord, 'id' | 'name' | 'allowedOrigins' | 'createdAt' | 'updatedAt' | 'brand'>> & { brand?: string };

/** A partial update; `brand: null` clears the brand. */
export type SurveyChanges = Partial<Omit<SurveyRecord, 'id' | 'createdAt' | 'updatedAt'>>;

/** Settings kept as one JSON column; defaults applied when read. */
const SETTING_DEFAULTS = { wording: {}, followUp: {}, sampling: 1, resurveyDays: 90, dismissDays: 30, askConsent: true, metric: 'nps' as Metric };
type Settings = Pick<SurveyRecord, keyof typeof SETTING_DEFAULTS>;
const SETTING_KEYS = Object.keys(SETTING_DEFAULTS) as (keyof Settings)[];

function toSurvey(row: SurveysTable): SurveyRecord {
  const settings: Settings = { ...SETTING_DEFAULTS, ...JSON.parse(row.settings) };
  return {
    id: row.id, name: row.name, brand: row.brand, ...settings,
    allowedOrigins: JSON.parse(row.allowed_origins), active: row.active === 1,
    createdAt: new Date(row.created_at).toISOString(), updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function toRow(survey: Omit<SurveyRecord, 'createdAt' | 'updatedAt'>, createdAt: number, updatedAt: number): SurveysTable {
  const settings = Object.fromEntries(SETTING_KEYS.map((key) => [key, survey[key]]));
  return {
    id: survey.id, name: survey.name, brand: survey.brand, settings: JSON.stringify(settings),
    allowed_origins: JSON.stringify(survey.allowedOrigins), active: survey.active ? 1 : 0, created_at: createdAt, updated_at: updatedAt,
  };
}

/** How long a survey read is reused; other processes' changes (the CLI) show within this time. */
const CACHE_TTL_MS = 1000;
const CACHE_MAX_ENTRIES = 1000;

/** The key of the read of every active survey's origins. */
const ACTIVE_ORIGINS = Symbol('active origins');

/** The brief survey cache of one database (built once with it). */
export class SurveyCache {
  readonly surveys = new Map<string, { survey: SurveyRecord | undefined; expires: number }>();
  activeOrigins: { patterns: string[]; expires: number } | null = null;
  /**
   * The reads under way, by survey id (and one for the origins): the requests that find an entry expired together
   * wait for one read instead of each making its own (on PostgreSQL, dozens of round trips every second under load,
   * each taking a pooled connection).
   */
  private readonly reading = new Map<string | typeof ACTIVE_ORIGINS, Promise<unknown>>();

  /** Forgets what a write changed (a read under way keeps its answer to itself). */
  invalidate(id: string): void {
    this.surveys.delete(id);
    this.activeOrigins = null;
    this.reading.delete(id);
    this.reading.delete(ACTIVE_ORIGINS);
  }

  /** `read`'s answer, shared with whoever asks for `key` while it runs; `keep` caches it unless a write forgot `key` meanwhile. */
  async readOnce<T>(key: string | typeof ACTIVE_ORIGINS, read: () => Promise<T>, keep: (value: T) => void): Promise<T> {
    const underWay = this.reading.get(key) as Promise<T> | undefined;
    if (underWay) return underWay;
    const reading = read();
    this.reading.set(key, reading);
    try {
      const value = await reading;
      if (this.reading.get(key) === reading) keep(value);
      return value;
    } finally {
      if (this.reading.get(key) === reading) this.reading.delete(key);
    }
  }
}

/** Survey reads and writes. */
export class SurveyRepository {
  /** `onMetricSet` hears of a survey created or whose metric changed (what depends on it, such as loop thresholds, is read again). */
  constructor(private readonly executor: Executor, private readonly cache: SurveyCache, private readonly onMetricSet: (surveyId: string) => void = () => {}) {}

  /**
   * What the cache knows of a survey without a query: `{ survey }` (undefined for an id known not to exist), or
   * undefined when it must be read. The ingest hot path asks this first, and awaits `get` only on a miss.
   */
  cached(id: string): { survey: SurveyRecord | undefined } | undefined {
    const cached = this.cache.surveys.get(id);
    return cached && cached.expires > Date.now() ? cached : undefined;
  }

  /** One survey, or undefined (unknown ids are cached too, so a flood of made-up ids costs no reads). */
  async get(id: string): Promise<SurveyRecord | undefined> {
    const cached = this.cached(id);
    if (cached) return cached.survey;
    const now = Date.now();
    return this.cache.readOnce(id, () => this.read(id), (survey) => {
      if (this.cache.surveys.size >= CACHE_MAX_ENTRIES) this.cache.surveys.clear();
      this.cache.surveys.set(id, { survey, expires: now + CACHE_TTL_MS });
    });
  }

  private async read(id: string): Promise<SurveyRecord | undefined> {
    const row = await this.executor.db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSurvey(row);
  }

  /** Every survey, oldest first. */
  async list(): Promise<SurveyRecord[]> {
    const rows = await this.executor.db.selectFrom('surveys').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toSurvey);
  }

  /** Every allowed-origin pattern of the active surveys (for CORS), cached briefly. */
  async activeOriginPatterns(): Promise<string[]> {
    const now = Date.now();
    if (this.cache.activeOrigins && this.cache.activeOrigins.expires > now) return this.cache.activeOrigins.patterns;
    return this.cache.readOnce(ACTIVE_ORIGINS, async () => {
      const rows = await this.executor.db.selectFrom('surveys').select('allowed_origins').where('active', '=', 1).execute();
      return [...new Set(rows.flatMap((row) => JSON.parse(row.allowed_origins) as string[]))];
    }, (patterns) => {
      this.cache.activeOrigins = { patterns, expires: now + CACHE_TTL_MS };
    });
  }

  /** Creates a survey; 409 when the id is taken. */
  async create(input: NewSurvey, now = Date.now()): Promise<SurveyRecord> {
    const survey = { ...SETTING_DEFAULTS, ...input, brand: input.brand ?? null, active: input.active ?? true };
    const inserted = await this.executor.db.insertInto('surveys').values(toRow(survey, now, now))
      .onConflict((conflict) => conflict.column('id').doNothing()).executeTakeFirst();
    if (inserted.numInsertedOrUpdatedRows === 0n) throw new HttpError(409, 'survey_exists', `id: a survey with id "${input.id}" already exists`);
    this.cache.invalidate(input.id);
    this.onMetricSet(input.id);
    return (await this.get(input.id))!;
  }

  /** Applies a partial update; undefined when the survey does not exist. */
  async update(id: string, changes: SurveyChanges, now = Date.now()): Promise<SurveyRecord | undefined> {
    const row = await this.executor.db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const current = toSurvey(row);
    if (changes.metric !== undefined && changes.metric !== current.metric) await this.assertNoAnswers(id, current.metric, changes.metric);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const next = { ...current, ...defined, id };
    const { id: _id, created_at: _created, ...columns } = toRow(next, row.created_at, now);
    await this.executor.db.updateTable('surveys').set(columns).where('id', '=', id).execute();
    this.cache.invalidate(id);
    if (next.metric !== current.metric) this.onMetricSet(id);
    return this.get(id);
  }

  /** 409 when the survey has answers: they were given on the old metric's scale and cannot be read on another. */
  private async assertNoAnswers(id: string, metric: Metric, next: Metric): Promise<void> {
    const answered = await this.executor.db.selectFrom('responses').select('id').where('survey_id', '=', id).limit(1).executeTakeFirst();
    if (!answered) return;
    throw new HttpError(409, 'metric_locked', `metric: survey "${id}" already has answers on the ${METRIC_NAMES[metric]} scale, so it cannot change to ${METRIC_NAMES[next]}; create another survey for ${METRIC_NAMES[next]}`);
  }
}
