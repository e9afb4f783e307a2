/** A theme's counts, each labelled by the set it counts in the metric's own words: "35 detractors mention it · NPS +17.1 among the 117 who mention it". */
import { METRIC_NAMES } from '@npsloop/core';
import { readFigure } from '../figures.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Theme } from '../types.ts';

const GROUP_MENTIONS = { detractor: 'detractors', passive: 'passives', promoter: 'promoters' } as const;

/** How many of `group` (named as the figure's metric names it) mention the theme, and the survey metric's figure of everyone who does (or that they are too few for one). */
export function ThemeCounts(props: { group: 'detractor' | 'passive' | 'promoter'; theme: Pick<Theme, 'mentions' | 'nps' | 'figure'> }) {
  const { t, fmt } = useI18n();
  const { mentions } = props.theme;
  // A collector from before CSAT and CES sends only `nps`.
  const figure = props.theme.figure ?? { ...props.theme.nps!, metric: 'nps' as const, score: props.theme.nps!.nps };
  const metric = METRIC_NAMES[figure.metric];
  const inGroup = mentions[GROUP_MENTIONS[props.group]];
  const all = fmt.count(mentions.all);
  return (
    <span class="muted small">
      {' '}{t.comments.themeMentions[figure.metric][props.group](inGroup, fmt.count(inGroup))} · {readFigure(figure) === 'score' ? t.comments.themeFigure(metric, fmt.figure(figure), all) : t.comments.themeTooFew(all, metric)}
    </span>
  );
}
