/** One sentence on a change between two figures: the difference, both sides, and whether it is significant — or why there is no number. */
import type { ComponentChild } from 'preact';
import type { NpsFigure } from '@npsloop/core';
import { comparable, changeKey, differenceKey } from '../figures.ts';
import { fill } from '../i18n/fill.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Comparison } from '../types.ts';

/** The verdict on B − A in words; too few answers on either side give no difference at all. */
export function ChangeLine(props: { comparison: Comparison; template: string; kind: 'period' | 'segment'; sides: (figure: NpsFigure) => string; parts?: Record<string, ComponentChild>; testId?: string }) {
  const { t, fmt } = useI18n();
  const { comparison } = props;
  const enough = comparable(comparison.a, comparison.b);
  const wording = !enough
    ? t.touchpoints.tooFewToCompare(fmt.n(comparison.a.n), fmt.n(comparison.b.n))
    : props.kind === 'period' ? t.change[changeKey(comparison)] : t.change[differenceKey(comparison)];
  return (
    <p class={`change ${enough && comparison.significant ? 'significant' : 'flat'}`} data-testid={props.testId}>
      {fill(props.template, {
        ...props.parts,
        difference: <strong>{enough ? fmt.nps(comparison.difference) : '–'}</strong>,
        previous: props.sides(comparison.a),
        aFigure: props.sides(comparison.a),
        bFigure: props.sides(comparison.b),
        wording: <span>{wording}</span>,
      })}
      {enough && comparison.p !== null && <span class="muted"> ({fmt.p(comparison.p)})</span>}
    </p>
  );
}
