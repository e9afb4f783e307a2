/** A customer's comment, shown as text (never as HTML) with its score and context. */
import type { ComponentChildren } from 'preact';
import { METRIC_SCALES, scaleFollowUpGroup } from '@npsloop/core';
import { groupNamesOf } from '../i18n/group-names.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Metric } from '../types.ts';

/** The comment as a quote, with a score badge coloured and named by its group on the survey's scale (`metric`). */
export function Quote(props: { score: number; metric: Metric; comment: string | null; touchpoint?: string | null; createdAt?: string; children?: ComponentChildren }) {
  const { t, fmt } = useI18n();
  const group = scaleFollowUpGroup(props.metric, props.score);
  const groupName = groupNamesOf(t, props.metric, t.figure.groupOne)[group];
  return (
    <figure class={`quote ${group}`}>
      <blockquote>{props.comment ?? <span class="muted">{t.common.noComment}</span>}</blockquote>
      <figcaption>
        <span class={`score-badge ${group}`} aria-label={t.figure.score(props.score, METRIC_SCALES[props.metric].highest, groupName)}>{props.score}</span>
        {props.touchpoint !== undefined && <span>{fmt.label(props.touchpoint)}</span>}
        {props.createdAt && <time dateTime={props.createdAt}>{fmt.dateTime(props.createdAt)}</time>}
        {props.children}
      </figcaption>
    </figure>
  );
}
