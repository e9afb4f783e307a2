import type { Database } from 'better-sqlite3';
import { HttpError } from '../../lib/errors.ts';
import type { Survey, SurveyCreate, SurveyPatch } from '../../surveys/survey-schemas.ts';

interface SurveyRow {
  id: string;
  name: string;
  brand: string | null;
  settings: string;
  allowed_origins: string;
  active: number;
  created_at: number;
  updated_at: number;
}

/** Settings kept as one JSON column; defaults applied when read. */
const SETTING_DEFAULTS = { wording: {}, followUp: {}, sampling: 1, resurveyDays: 90, dismissDays: 30, askConsent: true };
type Settings = typeof SETTING_DEFAULTS & Pick<Survey, 'wording' | 'followUp'>;
const SETTING_KEYS = Object.keys(SETTING_DEFAULTS) as (keyof Settings)[];

function toSurvey(row: SurveyRow): Survey {
  const settings: Settings = { ...SETTING_DEFAULTS, ...JSON.parse(row.settings) };
  return {
    id: row.id,
    name: row.name,
    brand: row.brand,
    ...settings,
    allowedOrigins: JSON.parse(row.allowed_origins),
    active: row.active === 1,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function toRow(survey: Omit<Survey, 'createdAt' | 'updatedAt'>, createdAt: number, updatedAt: number): SurveyRow {
  const settings = Object.fromEntries(SETTING_KEYS.map((key) => [key, survey[key]]));
  return {
    id: survey.id, name: survey.name, brand: survey.brand, settings: JSON.stringify(settings),
    allowed_origins: JSON.stringify(survey.allowedOrigins),
    active: survey.active ? 1 : 0, created_at: createdAt, updated_at: updatedAt,
  };
}

/** How long a survey read is reused; other processes' changes (the CLI) show within this time. */
const CACHE_TTL_MS = 1000;
const CACHE_MAX_ENTRIES = 1000;

/** Survey reads and writes; reads are cached briefly because every ingest request needs its survey. */
export function createSurveyStore(db: Database) {
  const cache = new Map<string, { survey: Survey | undefined; expires: number }>();
  let activeOrigins: { patterns: string[]; expires: number } | null = null;
  const selectOne = db.prepare<[string], SurveyRow>('SELECT * FROM surveys WHERE id = ?');
  const selectAll = db.prepare<[], SurveyRow>('SELECT * FROM surveys ORDER BY created_at, id');
  const selectActiveOrigins = db.prepare<[], { allowed_origins: string }>('SELECT allowed_origins FROM surveys WHERE active = 1');
  const insert = db.prepare(`INSERT INTO surveys (id, name, brand, settings, allowed_origins, active, created_at, updated_at)
    VALUES (@id, @name, @brand, @settings, @allowed_origins, @active, @created_at, @updated_at)`);
  const update = db.prepare(`UPDATE surveys SET name = @name, brand = @brand, settings = @settings,
    allowed_origins = @allowed_origins, active = @active, updated_at = @updated_at WHERE id = @id`);

  return {
    /** One survey, or undefined. */
    getSurvey(id: string): Survey | undefined {
      const now = Date.now();
      const cached = cache.get(id);
      if (cached && cached.expires > now) return cached.survey;
      const row = selectOne.get(id);
      const survey = row && toSurvey(row);
      // Unknown ids are cached too, so a flood of made-up ids costs no reads; the bound keeps memory flat.
      if (cache.size >= CACHE_MAX_ENTRIES) cache.clear();
      cache.set(id, { survey, expires: now + CACHE_TTL_MS });
      return survey;
    },
    /** Every survey, oldest first. */
    listSurveys(): Survey[] {
      return selectAll.all().map(toSurvey);
    },
    /** Every allowed-origin pattern of the active surveys (for CORS preflights). */
    activeOriginPatterns(): string[] {
      const now = Date.now();
      if (activeOrigins && activeOrigins.expires > now) return activeOrigins.patterns;
      const patterns = [...new Set(selectActiveOrigins.all().flatMap((row) => JSON.parse(row.allowed_origins) as string[]))];
      activeOrigins = { patterns, expires: now + CACHE_TTL_MS };
      return patterns;
    },
    /** Creates a survey; 409 when the id is taken. */
    createSurvey(input: SurveyCreate, now = Date.now()): Survey {
      if (selectOne.get(input.id)) throw new HttpError(409, 'survey_exists', `id: a survey with id "${input.id}" already exists`);
      const survey = { ...SETTING_DEFAULTS, ...input, brand: input.brand ?? null, active: input.active ?? true };
      insert.run(toRow(survey, now, now));
      cache.delete(input.id);
      activeOrigins = null;
      return toSurvey(selectOne.get(input.id)!);
    },
    /** Applies a partial update; undefined when the survey does not exist. */
    updateSurvey(id: string, patch: SurveyPatch, now = Date.now()): Survey | undefined {
      const row = selectOne.get(id);
      if (!row) return undefined;
      const current = toSurvey(row);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const next = { ...current, ...defined, id };
      update.run(toRow(next, Date.parse(current.createdAt), now));
      cache.delete(id);
      activeOrigins = null;
      return this.getSurvey(id);
    },
  };
}
