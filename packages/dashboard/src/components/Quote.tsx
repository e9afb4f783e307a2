/** A customer's comment, shown as text (never as HTML) with its score and context. */
import type { ComponentChildren } from 'preact';
import { scoreGroup } from '@npsloop/core';
import { formatDateTime, humanize } from '../format.ts';

/** The comment as a quote, with a score badge coloured by group. */
export function Quote(props: { score: number; comment: string | null; touchpoint?: string | null; createdAt?: string; children?: ComponentChildren }) {
  const group = scoreGroup(props.score);
  return (
    <figure class={`quote ${group}`}>
      <blockquote>{props.comment ?? <span class="muted">(no comment)</span>}</blockquote>
      <figcaption>
        <span class={`score-badge ${group}`} aria-label={`Score ${props.score} of 10, ${group}`}>{props.score}</span>
        {props.touchpoint !== undefined && <span>{humanize(props.touchpoint)}</span>}
        {props.createdAt && <time dateTime={props.createdAt}>{formatDateTime(props.createdAt)}</time>}
        {props.children}
      </figcaption>
    </figure>
  );
}
