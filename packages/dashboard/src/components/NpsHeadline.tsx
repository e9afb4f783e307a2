/** The big NPS number with its 95% interval and n, and the group split. */
import type { NpsFigure } from '@npsloop/core';
import { formatInterval, formatN, formatNps } from '../format.ts';

/** NPS, interval, n and the promoter/passive/detractor shares. */
export function NpsHeadline(props: { figure: NpsFigure; label?: string }) {
  const { figure } = props;
  return (
    <div class="headline">
      <p class="headline-label">{props.label ?? 'NPS'}</p>
      <p class="headline-value" data-testid="nps">{formatNps(figure.nps)}</p>
      <p class="headline-meta">{formatInterval(figure)} · {formatN(figure.n)}</p>
      <ul class="groups" aria-label="Groups">
        <li><span class="dot promoter" aria-hidden="true" />Promoters {figure.promoters.percent}% ({figure.promoters.count})</li>
        <li><span class="dot passive" aria-hidden="true" />Passives {figure.passives.percent}% ({figure.passives.count})</li>
        <li><span class="dot detractor" aria-hidden="true" />Detractors {figure.detractors.percent}% ({figure.detractors.count})</li>
      </ul>
    </div>
  );
}
