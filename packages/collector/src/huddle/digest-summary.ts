/** The huddle digest as a scheduled chat message carries it: the figure and its change, top themes, loops; no comment, quote or person. */
import type { HuddleDigest } from './huddle-report.ts';

/**
 * What `huddle.digest` webhook messages carry. Quotes and comments stay out on purpose: a delivery's body is kept in
 * the delivery log, and erasing a person must not have to look inside digests already sent.
 */
export function digestSummary(digest: HuddleDigest) {
  const themes = (list: HuddleDigest['themes']['detractor'], group: 'detractors' | 'promoters') =>
    list.map((theme) => ({ theme: theme.theme, mentions: theme.mentions[group] }));
  return {
    surveyId: digest.surveyId,
    surveyName: digest.surveyName,
    metric: digest.metric,
    days: digest.days,
    timeZone: digest.tz,
    period: digest.period,
    figure: { score: digest.figure.score, n: digest.figure.n, interval: digest.figure.interval },
    previousFigure: { score: digest.previousFigure.score, n: digest.previousFigure.n },
    change: { difference: digest.change.difference, p: digest.change.p, significant: digest.change.significant, verdict: digest.change.verdict },
    themes: { detractors: themes(digest.themes.detractor, 'detractors'), promoters: themes(digest.themes.promoter, 'promoters') },
    loops: { open: digest.loops.open, overdue: digest.loops.overdue, slaHours: digest.loops.slaHours },
  };
}

/** The body of a scheduled digest. */
export type DigestSummary = ReturnType<typeof digestSummary>;
