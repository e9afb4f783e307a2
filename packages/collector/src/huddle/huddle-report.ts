/** Assembles the huddle digest: the period's figure and its change, what moved, what customers said, loops, actions, questions. */
import { compareMetric, metricFigure, type Metric } from '@npsloop/core';
import type { ActionService } from '../actions/action-service.ts';
import type { Database } from '../db/database.ts';
import type { LoopService } from '../loops/loop-service.ts';
import { readComments } from '../themes/comment-corpus.ts';
import { surveyLanguage } from '../themes/languages.ts';
import { findThemes } from '../themes/theme-extractor.ts';
import { createHuddleFigures } from './huddle-figures.ts';
import { huddlePeriods } from './huddle-period.ts';

/** The three questions every huddle ends with. */
export const TEAM_QUESTIONS = [
  'What did we learn from customers in this period?',
  'Which improvement do we pick, and who owns it?',
  'What do staff need to serve customers better?',
] as const;

/** How the change reads: only a significant change is called up or down. */
export function changeVerdict(change: { difference: number | null; significant: boolean }): 'up' | 'down' | 'no significant change' | 'not enough data' {
  if (change.difference === null) return 'not enough data';
  if (!change.significant) return 'no significant change';
  return change.difference > 0 ? 'up' : 'down';
}

/** What a digest is asked for. */
export interface DigestOptions {
  days: number;
  timeZone: string;
  now: number;
}

/** Builds the digest with the period's comments it read (a held huddle keeps which responses it quoted), on one database. */
export function createHuddleBuilder(database: Database, services: { loops: LoopService; actions: ActionService }) {
  const figures = createHuddleFigures(database.analytics.huddle);

  return async function build(survey: { id: string; name: string; metric?: Metric }, options: DigestOptions) {
    const { current, previous } = huddlePeriods(options.now, options.days, options.timeZone);
    const metric = survey.metric ?? 'nps';
    const currentCounts = await figures.distribution(survey.id, current, metric);
    const previousCounts = await figures.distribution(survey.id, previous, metric);
    const change = compareMetric(metric, previousCounts, currentCounts);
    const periodComments = await figures.comments(survey.id, current);
    const comments = readComments(periodComments, { language: surveyLanguage(periodComments.map((row) => row.locale)), metric });
    const open = (await services.loops.list({ surveyId: survey.id, state: ['open'], limit: 500 }, options.now)).loops;
    const overdue = open.filter((loop) => loop.overdue);
    const periodLoops = await services.loops.figures(survey.id, current, options.now);
    const slaHours = periodLoops.withinSla.slaHours;
    const inPlay = (await services.actions.list({ surveyId: survey.id }, options.now))
      .filter((action) => action.state === 'proposed' || action.state === 'in_progress' || (action.doneAt !== null && Date.parse(action.doneAt) >= current.from));
    const digest = {
      surveyId: survey.id,
      surveyName: survey.name,
      metric,
      days: options.days,
      tz: options.timeZone,
      period: { from: current.fromLocal, to: current.toLocal },
      previousPeriod: { from: previous.fromLocal, to: previous.toLocal },
      figure: metricFigure(metric, currentCounts),
      previousFigure: metricFigure(metric, previousCounts),
      change: { ...change, verdict: changeVerdict(change) },
      segmentMovedMost: await figures.segmentThatMovedMost(survey.id, previous, current, metric),
      themes: { detractor: findThemes(comments, { group: 'detractor', limit: 3 }).themes, promoter: findThemes(comments, { group: 'promoter', limit: 3 }).themes },
      loops: {
        open: open.length, overdue: overdue.length, slaHours,
        openedInPeriod: periodLoops.byState.open + periodLoops.byState.contacted + periodLoops.byState.resolved + periodLoops.byState.closed,
        withinSla: periodLoops.withinSla,
        overdueLoops: overdue.slice(0, 10).map((loop) => ({
          responseId: loop.responseId, openedAt: loop.openedAt, assignee: loop.assignee, score: loop.response.score, comment: loop.response.comment,
        })),
      },
      actions: inPlay.map((action) => ({ id: action.id, title: action.title, owner: action.owner, state: action.state, kind: action.kind, dueDate: action.dueDate, overdue: action.overdue })),
      questions: [...TEAM_QUESTIONS],
    };
    return { digest, comments: periodComments };
  };
}

/** Builds the digest on one database, with the loop and action services. */
export function createHuddleReport(database: Database, services: { loops: LoopService; actions: ActionService }) {
  const build = createHuddleBuilder(database, services);
  return async (survey: { id: string; name: string; metric?: Metric }, options: DigestOptions) => (await build(survey, options)).digest;
}

/** The digest builder's function. */
export type HuddleBuilder = ReturnType<typeof createHuddleBuilder>;

/** The digest as JSON. */
export type HuddleDigest = Awaited<ReturnType<HuddleBuilder>>['digest'];
