/** A customer's comment, shown as text (never as HTML) with its score and context. */
import type { ComponentChildren } from 'preact';
import { scoreGroup } from '@npsloop/core';
import { useI18n } from '../i18n/i18n.ts';

/** The comment as a quote, with a score badge coloured by group. */
export function Quote(props: { score: number; comment: string | null; touchpoint?: string | null; createdAt?: string; children?: ComponentChildren }) {
  const { t, fmt } = useI18n();
  const group = scoreGroup(props.score);
  return (
    <figure class={`quote ${group}`}>
      <blockquote>{props.comment ?? <span class="muted">{t.common.noComment}</span>}</blockquote>
      <figcaption>
        <span class={`score-badge ${group}`} aria-label={t.figure.score(props.score, t.figure.groupOne[group])}>{props.score}</span>
        {props.touchpoint !== undefined && <span>{fmt.label(props.touchpoint)}</span>}
        {props.createdAt && <time dateTime={props.createdAt}>{fmt.dateTime(props.createdAt)}</time>}
        {props.children}
      </figcaption>
    </figure>
  );
}
