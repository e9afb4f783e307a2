/** The API shapes the dashboard reads, as the collector documents them (/openapi.json). */
import type { Mentions, NpsFigure, Theme } from '@npsloop/core';

// Wire types shared with the collector live in @npsloop/core.
export type { Mentions, NpsFigure, Theme };
// The settings area's shapes have a file of their own.
export * from './settings-types.ts';

/** What a survey measures: NPS 0–10, CSAT 1–5, CES 1–7. */
export type Metric = 'nps' | 'csat' | 'ces';

/** A group's size and share. */
export interface Share { count: number; percent: number }

/**
 * A figure of any metric as the API returns it: `metric`, `score` (NPS, % satisfied or mean effort) and its interval.
 * NPS figures keep `nps` and their groups; CSAT brings satisfied/neutral/dissatisfied, CES agree/neutral/disagree.
 */
export type MetricFigure = NpsFigure & {
  metric?: Metric;
  score?: number | null;
  mean?: number | null;
  satisfied?: Share; dissatisfied?: Share; agree?: Share; disagree?: Share; neutral?: Share;
};

/** A score group. */
export type Group = 'detractor' | 'passive' | 'promoter';

/** A survey as `GET /v1/surveys` returns it. */
export interface Survey {
  id: string;
  name: string;
  brand: string | null;
  allowedOrigins: string[];
  sampling: number;
  resurveyDays: number;
  dismissDays: number;
  askConsent: boolean;
  active: boolean;
  metric: Metric;
  createdAt: string;
  updatedAt: string;
}

/** `GET /v1/surveys/:id/summary`. */
export type Summary = MetricFigure & {
  distribution: number[];
  comments?: number;
  commentRate: number | null;
  responseRate: number | null;
};

/** How a row of a list moved against the one it is compared with; `q` and `significant` are corrected over the whole list. */
export interface RowChange { difference: number | null; p: number | null; q: number | null; significant: boolean }

/** How a list corrected its "significant" rows for being many. */
export interface MultipleComparisons { method: 'benjamini-hochberg'; alpha: number; tests: number }

/** One bucket of `GET /v1/surveys/:id/trend`; `change` against the bucket before (null for the first). */
export type TrendBucket = MetricFigure & { start: string; change?: RowChange | null };

/** `GET /v1/surveys/:id/trend`. */
export interface Trend {
  metric?: Metric;
  interval: 'day' | 'week' | 'month';
  tz: string;
  multipleComparisons?: MultipleComparisons;
  buckets: TrendBucket[];
}

/** `GET /v1/surveys/:id/teams/:team`: one team's own figure, weekly trend and customers' newest comments. */
export interface TeamReport {
  team: string;
  metric: Metric;
  tz: string;
  figure: Summary;
  trend: { buckets: TrendBucket[] };
  stories: { id: string; score: number; comment: string; touchpoint: string | null; createdAt: string }[];
}

/** `GET /v1/surveys/:id/compare`. */
export interface Comparison {
  a: MetricFigure;
  b: MetricFigure;
  difference: number | null;
  z: number | null;
  p: number | null;
  significant: boolean;
}

/** One row of `GET /v1/surveys/:id/segments`. */
export type Segment = MetricFigure & {
  value: string | null; smallSample: boolean;
  /** With `compare=previous`: the same segment one period earlier, and the change from it. */
  previous?: { n: number; score: number | null } | null; change?: RowChange | null;
};

/** `GET /v1/surveys/:id/segments`. */
export interface Segments {
  by: string;
  minN: number;
  multipleComparisons?: MultipleComparisons;
  segments: Segment[];
}

/** One response of `GET /v1/surveys/:id/responses`. */
export interface ResponseItem {
  id: string;
  score: number;
  group: Group;
  comment: string | null;
  touchpoint: string | null;
  channel: string | null;
  locale: string | null;
  createdAt: string;
}

/** Loop states. */
export type LoopState = 'open' | 'contacted' | 'resolved' | 'closed';

/** A loop as `GET /v1/loops` returns it. */
export interface Loop {
  responseId: string;
  surveyId: string;
  state: LoopState;
  assignee: string | null;
  tags: string[];
  closeReason: string | null;
  openedAt: string;
  firstContactAt: string | null;
  resolvedAt: string | null;
  overdue: boolean;
  dueAt: string;
  contactable: boolean;
  contact: { email: string | null; userId: string | null } | null;
  notesCount: number;
  /** Left out of every figure (a test or spam answer). */
  excluded: boolean;
  response: { score: number; comment: string | null; touchpoint: string | null; channel: string | null; createdAt: string };
}

/** A loop note. */
export interface Note {
  id: string;
  author: string;
  text: string;
  createdAt: string;
}

/** `GET /v1/surveys/:id/loops/stats`. */
export interface LoopStats {
  open: number;
  timeToFirstContact: { n: number; medianHours: number | null; p90Hours: number | null };
  withinSla: { slaHours: number; contactedInTime: number; of: number; share: number | null };
}

/** Improvement action states. */
export type ActionState = 'proposed' | 'in_progress' | 'done' | 'dropped';

/** What size of change an action is: quick wins are picked first, then bigger bets. */
export type ActionKind = 'quick_win' | 'bigger_bet';

/** An improvement action. */
export interface Action {
  id: string;
  surveyId: string;
  title: string;
  owner: string | null;
  state: ActionState;
  /** Collectors before actions had kinds leave it out. */
  kind?: ActionKind;
  dueDate: string | null;
  responseIds: string[];
  themes: string[];
  touchpoint?: string | null;
  overdue: boolean;
}

/** The change of one thing an action was measured on, after − before, with its corrected significance. */
export interface EffectChange {
  difference: number | null;
  p: number | null;
  q: number | null;
  significant: boolean;
}

/** A theme's share of the answers in a window. */
export interface ThemeShare {
  n: number;
  mentions: number;
  percent: number | null;
}

/** `GET /v1/actions/:id/effect`: a done action's touchpoint figure and themes' shares, before and after. */
export interface ActionEffect {
  days: number;
  before: { from: string; to: string };
  after: { from: string; to: string };
  effects: (
    | { subject: 'touchpoint'; touchpoint: string; theme: null; before: MetricFigure; after: MetricFigure; change: EffectChange }
    | { subject: 'theme'; theme: string; touchpoint: string | null; before: ThemeShare; after: ThemeShare; change: EffectChange }
  )[];
}

/** `GET /v1/surveys/:id/huddle`. */
export interface Huddle {
  surveyName: string;
  /** The survey's metric (collectors before CSAT and CES left it out: NPS). */
  metric?: Metric;
  days: number;
  period: { from: string; to: string };
  figure: MetricFigure;
  previousFigure: MetricFigure;
  change: { difference: number | null; p: number | null; significant: boolean; verdict: string };
  segmentMovedMost: { by: string; value: string; previous: MetricFigure; current: MetricFigure; change: { difference: number | null; significant: boolean } } | null;
  themes: Record<'detractor' | 'promoter', Theme[]>;
  loops: { open: number; overdue: number; slaHours: number; overdueLoops: { responseId: string; openedAt: string; assignee: string | null; score: number; comment: string | null }[] };
  actions: Pick<Action, 'id' | 'title' | 'owner' | 'state' | 'kind' | 'dueDate' | 'overdue'>[];
  questions: string[];
}

/** A huddle the team runs and keeps (`/v1/huddles/:id`). */
export interface HeldHuddle {
  id: string;
  surveyId: string;
  state: 'open' | 'closed';
  startedAt: string;
  closedAt: string | null;
  days: number;
  attendees: string[];
  learned: string | null;
  staffNeeds: string | null;
  decisions: string | null;
  /** The digest it was held on. */
  digest: Huddle;
  actions: Action[];
  previous: { id: string; startedAt: string; decisions: string | null; actions: Action[] } | null;
}

/** One huddle of the history (`GET /v1/surveys/:id/huddles`). */
export interface HuddleSummary {
  id: string;
  state: 'open' | 'closed';
  startedAt: string;
  closedAt: string | null;
}
