/** The chat message of a scheduled huddle digest: the figure with its interval, whether it changed significantly, top themes, open loops. */
import { METRIC_GROUP_WORDS } from '@npsloop/core';
import { chatSafe } from './chat-message.ts';

/** The digest summary as the `huddle.digest` body carries it (see huddle/digest-summary.ts). */
export interface DigestBody {
  surveyId: string;
  surveyName: string;
  metric: 'nps' | 'csat' | 'ces';
  days: number;
  timeZone: string;
  period: { from: string; to: string };
  figure: { score: number | null; n: number; interval: { low: number; high: number } | null };
  previousFigure: { score: number | null; n: number };
  change: { difference: number | null; p: number | null; significant: boolean };
  themes: { detractors: Array<{ theme: string; mentions: number }>; promoters: Array<{ theme: string; mentions: number }> };
  loops: { open: number; overdue: number; slaHours: number };
}

const NAMES = { nps: 'NPS', csat: 'CSAT', ces: 'CES' } as const;

function scoreText(metric: DigestBody['metric'], value: number): string {
  if (metric === 'csat') return `${Math.round(value * 10) / 10}%`;
  if (metric === 'ces') return value.toFixed(2);
  return value > 0 ? `+${value.toFixed(1)}` : value < 0 ? `−${Math.abs(value).toFixed(1)}` : '0.0';
}

function changeText(body: DigestBody): string {
  const { change, metric } = body;
  if (change.difference === null || change.p === null) return 'No comparison: one of the periods has no answers.';
  const difference = metric === 'nps' ? `${scoreText('nps', change.difference)} points` : scoreText(metric, change.difference);
  if (!change.significant) return `Change ${difference}: not significant (p = ${change.p.toFixed(3)}), read it as noise.`;
  return `Change ${difference}: *significant* (p = ${change.p.toFixed(3)}), ${change.difference > 0 ? 'up' : 'down'}.`;
}

function themeText(themes: DigestBody['themes']['detractors']): string {
  return themes.length ? themes.map((theme) => `${chatSafe(theme.theme)} (${theme.mentions})`).join(', ') : 'no recurring themes yet';
}

const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** The `{ text }` chat message of a digest body; `publicUrl` adds a link to the survey's huddle page. */
export function digestChatText(body: DigestBody, publicUrl: string | undefined): string {
  const name = NAMES[body.metric];
  const lastDay = new Date(Date.parse(body.period.to) - 1).toISOString().slice(0, 10);
  const { figure, previousFigure } = body;
  const now = figure.score === null || figure.interval === null ? 'no answers'
    : `${scoreText(body.metric, figure.score)} (n = ${figure.n}, 95% interval ${scoreText(body.metric, figure.interval.low)} to ${scoreText(body.metric, figure.interval.high)})`;
  const before = previousFigure.score === null ? 'no answers' : `${scoreText(body.metric, previousFigure.score)} (n = ${previousFigure.n})`;
  const lines = [
    `*${name} huddle digest: ${chatSafe(body.surveyName)}*, last ${body.days} day${body.days === 1 ? '' : 's'} to ${lastDay} (${chatSafe(body.timeZone)})`,
    `${name} ${now}; the ${body.days} days before: ${before}.`,
    changeText(body),
    `${capitalised(METRIC_GROUP_WORDS[body.metric].detractor)} talk about: ${themeText(body.themes.detractors)}.`,
    `${capitalised(METRIC_GROUP_WORDS[body.metric].promoter)} talk about: ${themeText(body.themes.promoters)}.`,
    `Loops: ${body.loops.open} open, ${body.loops.overdue} overdue (SLA ${body.loops.slaHours} h).`,
  ];
  if (publicUrl) lines.push(`Open the huddle: ${publicUrl}/dashboard/#/${encodeURIComponent(body.surveyId)}/huddle`);
  return lines.join('\n');
}

/** The chat message `{ text }` for a `huddle.digest` Standard Webhooks body. */
export function digestChatMessage(standardBody: string, publicUrl: string | undefined): { text: string } {
  return { text: digestChatText((JSON.parse(standardBody) as { data: DigestBody }).data, publicUrl) };
}
