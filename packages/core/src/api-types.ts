/** Shared wire contract between the widget, the collector and the dashboard. */
import type { MetricFigure } from './metrics/metric-figure.js';
import type { NpsFigure } from './nps.js';

/** Limits enforced by the collector and respected by the widget. */
export const LIMITS = {
  idMinLength: 8,
  idMaxLength: 64,
  commentMaxLength: 5000,
  slugMaxLength: 64,
  pageMaxLength: 512,
  propertiesMaxKeys: 20,
  propertyKeyMaxLength: 40,
  propertyValueMaxLength: 200,
  emailMaxLength: 254,
  userIdMaxLength: 128,
} as const;

/** Client-generated ids: 8–64 characters of letters, digits, `_` and `-`. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** Short machine names (touchpoint, channel, journey step, survey id). */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

/** Where an answer came from. */
export type Channel = 'web' | 'app' | 'email' | 'link';

/** Coarse device class, never a fingerprint. */
export type DeviceClass = 'mobile' | 'tablet' | 'desktop';

/** Who answered, when the site identified them. */
export interface Respondent {
  userId?: string;
  email?: string;
}

/** Custom properties set by the site: flat, small, string/number/boolean values. */
export type Properties = Record<string, string | number | boolean>;

/** Body of `POST /v1/responses`: the score first, then the same id again with comment and consent. */
export interface ResponsePayload {
  id: string;
  surveyId: string;
  score: number;
  comment?: string;
  consent?: boolean;
  respondent?: Respondent;
  touchpoint?: string;
  channel?: Channel;
  journey?: string;
  locale?: string;
  page?: string;
  device?: DeviceClass;
  properties?: Properties;
}

/** What the survey prompt lifecycle reports, for response rates. */
export type SurveyEventType = 'shown' | 'dismissed';

/** Body of `POST /v1/events`. */
export interface EventPayload {
  id: string;
  surveyId: string;
  type: SurveyEventType;
  touchpoint?: string;
  channel?: Channel;
  locale?: string;
  page?: string;
}

/** The one error envelope every 4xx and 5xx carries. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** `GET /v1/surveys/:id/public`: what the widget needs to know about a survey, nothing secret. */
export interface PublicSurveySettings {
  id: string;
  brand: string | null;
  /** String overrides per locale tag, e.g. `{ nl: { question: '…' } }`. */
  wording: Record<string, Partial<Record<string, string>>>;
  /** The "why" prompt per score group. */
  followUp: { detractor?: string; passive?: string; promoter?: string };
  /** Share of visitors asked, 0–1. */
  sampling: number;
  resurveyDays: number;
  dismissDays: number;
  /** Whether identified visitors are asked for consent to be contacted. */
  askConsent: boolean;
  /** False while the survey is paused: the widget shows nothing. */
  active: boolean;
  /** What the survey measures (absent from settings cached before metrics existed: NPS). */
  metric?: 'nps' | 'csat' | 'ces';
  /** The scale's points, and from which answer on the passive and promoter follow-up prompts apply (absent: NPS 0–10, 7, 9). */
  scale?: PublicScale;
}

/** The answer scale the widget draws: NPS 0–10, CSAT 1–5, CES 1–7. */
export interface PublicScale {
  lowest: number;
  highest: number;
  /** Answers from here get the `passive` follow-up prompt (NPS 7, CSAT 3, CES 4). */
  passiveFrom: number;
  /** Answers from here get the `promoter` follow-up prompt (NPS 9, CSAT 4, CES 5). */
  promoterFrom: number;
}

/** How many comments: all, and of each score group. */
export interface Mentions {
  all: number;
  detractors: number;
  passives: number;
  promoters: number;
}

/** One theme of `GET /v1/surveys/:id/themes` (and of the huddle digest): its counts say which set they count. */
export interface Theme {
  /** The phrase as most of its comments wrote it ("slow delivery"), not its stems. */
  theme: string;
  /** Theme words in the phrase (glue such as "of" not counted). */
  words: number;
  /** Comments that mention it, all and per group, whatever group the themes were asked for. */
  mentions: Mentions;
  /** The survey metric's figure of every answer that mentions it (NPS, CSAT or CES): its `n` is `mentions.all`. */
  figure: MetricFigure;
  /** The NPS figure of the same answers, on NPS surveys only (null on a CSAT or CES survey). */
  nps: NpsFigure | null;
  /** The clearest comments of the asked group that mention it. */
  quotes: string[];
}

/** What an API key may do: `read` only reads, `admin` reads and writes. */
export const KEY_SCOPES = ['read', 'admin'] as const;

/** One of the key scopes. */
export type KeyScope = (typeof KEY_SCOPES)[number];

/** An API key as `GET /v1/keys` lists it: never its secret nor a hash. */
export interface ApiKey {
  /** `key_` and 12 hex digits. */
  id: string;
  name: string | null;
  scope: KeyScope;
  createdAt: string;
  /** When a request last used the key, to the minute; null when never. */
  lastUsedAt: string | null;
}

/** What `POST /v1/keys` answers: the key, and its secret this one time (only a hash is stored). */
export type CreatedKey = ApiKey & { secret: string };

/** The key a request is made with, as `GET /v1/keys/me` tells it: a stored key, or the admin key from the environment. */
export interface CallingKey {
  /** null for the start-up admin key (NPSLOOP_ADMIN_KEY), which is not stored. */
  id: string | null;
  name: string | null;
  scope: KeyScope;
  source: 'database' | 'environment';
}
