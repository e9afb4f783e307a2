/** A held huddle as Markdown for the team's chat: who came, the figure it was held on, what was noted, what was promised and where last time's promises stand. */
import { METRIC_NAMES } from '@npsloop/core';
import type { ActionView } from '../actions/action-service.ts';
import { figureText } from './huddle-markdown.ts';
import type { HuddleView } from './huddle-sessions.ts';
import { escapeMarkdown, signed } from './markdown-text.ts';

const STATE_WORDS: Record<ActionView['state'], string> = { proposed: 'proposed', in_progress: 'in progress', done: 'done', dropped: 'dropped' };
/** How an action's kind reads in chat. */
export const KIND_WORDS: Record<ActionView['kind'], string> = { quick_win: 'quick win', bigger_bet: 'bigger bet' };

function actionLine(action: ActionView): string {
  return `- [${STATE_WORDS[action.state]}, ${KIND_WORDS[action.kind]}] ${escapeMarkdown(action.title, 200)}, ${action.owner ? `owner ${escapeMarkdown(action.owner, 60)}` : '**no owner**'}`
    + `${action.dueDate ? `, due ${action.dueDate}${action.overdue ? ' (overdue)' : ''}` : ''}`;
}

function noteLines(title: string, text: string | null): string[] {
  if (!text?.trim()) return [`**${title}:** not noted.`];
  return [`**${title}**`, ...text.split(/\r?\n/).filter((line) => line.trim()).map((line) => `> ${escapeMarkdown(line, 1000)}`)];
}

/** Renders a huddle; every name and note is escaped. */
export function huddleSessionMarkdown(huddle: HuddleView, surveyName: string): string {
  const { figure, change } = huddle.digest;
  const verdict = change.difference === null ? 'no comparison' : `${signed(change.difference)} points, ${change.significant ? 'significant' : 'not significant'}`;
  const lines = [
    `### Huddle ${huddle.startedAt.slice(0, 10)}: ${escapeMarkdown(surveyName, 100)}${huddle.state === 'open' ? ' (open)' : ''}`,
    `Attendees: ${huddle.attendees.length ? huddle.attendees.map((name) => escapeMarkdown(name, 60)).join(', ') : 'not noted'}`,
    `${METRIC_NAMES[figure.metric]} over the last ${huddle.days} days: ${figureText(figure)}, against the ${huddle.days} days before: ${verdict}.`,
    '',
    ...noteLines('What we learned', huddle.learned),
    '',
    ...noteLines('What staff need', huddle.staffNeeds),
    '',
    ...noteLines('Decisions', huddle.decisions),
    '',
    huddle.actions.length ? '**Actions from this huddle**' : '**Actions from this huddle:** none.',
    ...huddle.actions.map(actionLine),
  ];
  if (huddle.previous) {
    lines.push('', huddle.previous.actions.length ? `**Promised at the huddle of ${huddle.previous.startedAt.slice(0, 10)}, where each stands**` : `**Promised at the huddle of ${huddle.previous.startedAt.slice(0, 10)}:** no actions.`);
    lines.push(...huddle.previous.actions.map(actionLine));
  }
  return `${lines.join('\n')}\n`;
}
