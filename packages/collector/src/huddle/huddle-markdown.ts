/** The huddle digest as Markdown that reads well pasted into a chat tool. */
import { METRIC_GROUP_WORDS, METRIC_NAMES, type MetricFigure } from '@npsloop/core';
import type { HuddleDigest } from './huddle-report.ts';
import { escapeMarkdown, signed } from './markdown-text.ts';

const day = (iso: string) => iso.slice(0, 10);

/** A score in its metric's unit: NPS signed, CSAT a percentage, CES a mean. */
function scoreText(figure: MetricFigure, value: number): string {
  return figure.metric === 'csat' ? `${value}%` : figure.metric === 'ces' ? value.toFixed(2) : signed(value);
}

/** A figure with its n and interval in its metric's unit, or 'no answers'. */
export function figureText(figure: MetricFigure): string {
  if (figure.score === null || figure.interval === null) return 'no answers';
  return `${scoreText(figure, figure.score)} (n = ${figure.n}, 95% interval ${scoreText(figure, figure.interval.low)} to ${scoreText(figure, figure.interval.high)})`;
}

function changeText(digest: HuddleDigest): string {
  const { change } = digest;
  if (change.difference === null || change.p === null) return 'No comparison: one of the periods has no answers.';
  const p = `p = ${change.p.toFixed(3)}`;
  if (!change.significant) return `Change ${signed(change.difference)} points is **not significant** (${p}): read it as noise, not a trend.`;
  return `Change ${signed(change.difference)} points is **significant** (${p}): the score went ${change.difference > 0 ? 'up' : 'down'}.`;
}

// The group as the survey's scale names it: "What dissatisfied customers talk about" on a CSAT survey.
function themeLines(digest: HuddleDigest, group: 'detractor' | 'promoter'): string[] {
  const words = METRIC_GROUP_WORDS[digest.metric][group];
  const title = `What ${words} talk about`;
  const themes = digest.themes[group];
  if (themes.length === 0) return [`**${title}:** no recurring themes yet.`];
  return [`**${title}**`, ...themes.flatMap((theme) => [
    `- ${escapeMarkdown(theme.theme)} (${theme.mentions[`${group}s`]} ${words}, ${theme.mentions.all} comments in all)`,
    ...theme.quotes.map((quote) => `  > ${escapeMarkdown(quote, 200)}`),
  ])];
}

/** Renders the digest; every comment and name is escaped. */
export function huddleMarkdown(digest: HuddleDigest): string {
  const moved = digest.segmentMovedMost;
  const lastDay = new Date(Date.parse(digest.period.to) - 1).toISOString();
  const lines = [
    `### ${METRIC_NAMES[digest.metric]} huddle: ${escapeMarkdown(digest.surveyName, 100)}`,
    `Last ${digest.days} day${digest.days === 1 ? '' : 's'}: ${day(digest.period.from)} to ${day(lastDay)} (${escapeMarkdown(digest.tz)})`,
    '',
    `**${METRIC_NAMES[digest.metric]} ${figureText(digest.figure)}**`,
    `Previous ${digest.days} days: ${figureText(digest.previousFigure)}. ${changeText(digest)}`,
    '',
    moved
      ? `**Moved most:** ${moved.by} ${escapeMarkdown(moved.value)}, ${scoreText(moved.previous, moved.previous.score!)} → ${scoreText(moved.current, moved.current.score!)} (n ${moved.previous.n} → ${moved.current.n}), ${moved.change.significant ? 'significant' : 'not significant'}.`
      : '**Moved most:** no segment has enough answers in both periods.',
    '',
    ...themeLines(digest, 'detractor'),
    '',
    ...themeLines(digest, 'promoter'),
    '',
    `**Close the loop:** ${digest.loops.open} open, ${digest.loops.overdue} overdue (SLA ${digest.loops.slaHours} h)` +
      (digest.loops.withinSla.share === null ? '.' : `; ${Math.round(digest.loops.withinSla.share * 100)}% of this period's loops contacted within the SLA.`),
    ...digest.loops.overdueLoops.slice(0, 5).map((loop) =>
      `- score ${loop.score}, opened ${day(loop.openedAt)}, ${loop.assignee ? `owner ${escapeMarkdown(loop.assignee, 60)}` : 'no owner'}${loop.comment ? `: "${escapeMarkdown(loop.comment, 160)}"` : ''}`),
    ...(digest.loops.overdue > 5 ? [`- …and ${digest.loops.overdue - 5} more overdue`] : []),
    '',
    digest.actions.length ? '**Actions**' : '**Actions:** none yet.',
    ...digest.actions.map((action) =>
      `- [${action.state.replace('_', ' ')}, ${action.kind.replace('_', ' ')}] ${escapeMarkdown(action.title, 200)}, ${action.owner ? `owner ${escapeMarkdown(action.owner, 60)}` : '**no owner**'}` +
      `${action.dueDate ? `, due ${action.dueDate}${action.overdue ? ' (overdue)' : ''}` : ''}`),
    '',
    '**Questions for the team**',
    ...digest.questions.map((question, index) => `${index + 1}. ${question}`),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
