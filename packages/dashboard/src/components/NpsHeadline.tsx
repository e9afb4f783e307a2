/** The big number: NPS with its 95% interval and n, never without them; too few answers get words, not a score. */
import type { NpsFigure } from '@npsloop/core';
import { intervalMissesScore, MIN_ANSWERS, readFigure } from '../figures.ts';
import { useI18n } from '../i18n/i18n.ts';

/** Headline figure for a period. */
export function NpsHeadline(props: { figure: NpsFigure; label: string }) {
  const { t, fmt } = useI18n();
  const { figure } = props;
  const reading = readFigure(figure);
  const groups = [['promoter', figure.promoters], ['passive', figure.passives], ['detractor', figure.detractors]] as const;
  return (
    <div class="headline">
      <p class="headline-label">{props.label}</p>
      {reading === 'too-few'
        ? <p class="headline-value too-few" data-testid="nps">{t.figure.tooFew}</p>
        : <p class="headline-value" data-testid="nps">{fmt.nps(figure.nps)}</p>}
      <p class="headline-meta">
        {reading === 'too-few' ? `${fmt.n(figure.n)} · ${t.figure.tooFewNote(MIN_ANSWERS)}` : `${fmt.interval(figure)} · ${fmt.n(figure.n)}`}
      </p>
      {reading === 'score' && intervalMissesScore(figure) && <p class="small notice" data-testid="interval-note">{t.figure.outside}</p>}
      <ul class="groups" aria-label={t.figure.groups}>
        {groups.map(([group, share]) => (
          <li key={group}><span class={`dot ${group}`} aria-hidden="true" />
            {t.figure.group(t.figure.groupNames[group], fmt.percent(share.percent), fmt.count(share.count))}</li>
        ))}
      </ul>
    </div>
  );
}
