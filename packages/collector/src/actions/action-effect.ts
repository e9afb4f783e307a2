/** What a done action changed: its touchpoint's figure and its themes' share of answers, before it was made and after it was done. */
import type { Metric } from '@npsloop/core';
import type { AnalyticsService } from '../analytics/analytics-service.ts';
import { newestComments, type FilterComment } from '../analytics/theme-query.ts';
import type { AnalyticsFilter } from '../db/analytics/analytics-filter.ts';
import type { ResponseList } from '../db/analytics/response-list.ts';
import type { Database } from '../db/database.ts';
import { HttpError } from '../lib/errors.ts';
import { surveyLanguage } from '../themes/languages.ts';
import { themeMatcher } from '../themes/theme-mentions.ts';
import { beforeAfter, effectWindows, type EffectInput, type Span } from './before-after.ts';

/** The comments of a window and the answers they are counted against (the same span when more comments than are read). */
async function windowComments(reads: { summary: AnalyticsService['summary']; responses: ResponseList }, filter: AnalyticsFilter, metric: Metric) {
  const { comments, from } = await newestComments(reads.responses, filter);
  const { n } = await reads.summary({ ...filter, from }, metric);
  return { comments, n };
}

/** Builds the measurement of done actions on the database, the analytics summary and the response list. */
export function createActionEffects(database: Database, reads: { summary: AnalyticsService['summary']; responses: ResponseList }) {
  /**
   * The action's effect over windows of `days`; undefined when there is no such action, 409 action_not_done before
   * it is done. Theme shares are counted within the action's touchpoint when it has one.
   */
  return async function measure(id: string, days: number, now: number) {
    const action = await database.actions.get(id);
    if (!action) return undefined;
    if (action.state !== 'done' || action.doneAt === null) {
      throw new HttpError(409, 'action_not_done', `id: action "${id}" is ${action.state.replace('_', ' ')}; before and after are measured once it is done`);
    }
    const survey = await database.surveys.get(action.surveyId);
    const metric = survey?.metric ?? 'nps';
    const windows = effectWindows({ createdAt: action.createdAt, doneAt: action.doneAt }, days, now);
    const filterOf = (span: Span): AnalyticsFilter => ({
      surveyId: action.surveyId, from: span.from, to: span.to, dims: action.touchpoint ? { touchpoint: action.touchpoint } : {}, properties: [],
    });
    const inputs: EffectInput[] = [];
    if (action.touchpoint) {
      const [before, after] = await Promise.all([reads.summary(filterOf(windows.before), metric), reads.summary(filterOf(windows.after), metric)]);
      inputs.push({ subject: 'touchpoint', touchpoint: action.touchpoint, metric, before: before.distribution, after: after.distribution });
    }
    if (action.themes.length) {
      const before = await windowComments(reads, filterOf(windows.before), metric);
      const after = await windowComments(reads, filterOf(windows.after), metric);
      const language = surveyLanguage([...before.comments, ...after.comments].map((row) => row.locale));
      for (const theme of action.themes) {
        const mentions = themeMatcher(theme, language);
        const count = (rows: FilterComment[]) => rows.filter((row) => mentions(row.comment, row.locale)).length;
        inputs.push({
          subject: 'theme', theme, touchpoint: action.touchpoint,
          before: { mentions: count(before.comments), n: before.n }, after: { mentions: count(after.comments), n: after.n },
        });
      }
    }
    const iso = (span: Span) => ({ from: new Date(span.from).toISOString(), to: new Date(span.to).toISOString() });
    return { actionId: id, surveyId: action.surveyId, metric, days, before: iso(windows.before), after: iso(windows.after), ...beforeAfter(inputs) };
  };
}

/** The measurement function of done actions. */
export type ActionEffects = ReturnType<typeof createActionEffects>;
