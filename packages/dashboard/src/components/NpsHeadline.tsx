/** The big number: the survey's score (NPS, CSAT or CES) with its 95% interval and n, never without them; too few answers get words, not a score. */
import { intervalMissesScore, MIN_ANSWERS, readFigure } from '../figures.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { MetricFigure, Share } from '../types.ts';

/** Headline figure for a period, with the metric's own groups (NPS promoters/passives/detractors, CSAT satisfied…, CES agree…). */
export function NpsHeadline(props: { figure: MetricFigure; label: string }) {
  const { t, fmt } = useI18n();
  const { figure } = props;
  const reading = readFigure(figure);
  const names = t.metric.groupNames;
  const groups: (readonly [string, string, Share | undefined])[] = figure.metric === 'csat'
    ? [['promoter', names.satisfied, figure.satisfied], ['passive', names.neutral, figure.neutral], ['detractor', names.dissatisfied, figure.dissatisfied]]
    : figure.metric === 'ces'
      ? [['promoter', names.agree, figure.agree], ['passive', names.neutral, figure.neutral], ['detractor', names.disagree, figure.disagree]]
      : [['promoter', t.figure.groupNames.promoter, figure.promoters], ['passive', t.figure.groupNames.passive, figure.passives], ['detractor', t.figure.groupNames.detractor, figure.detractors]];
  return (
    <div class="headline">
      <p class="headline-label">{props.label}</p>
      {reading === 'too-few'
        ? <p class="headline-value too-few" data-testid="nps">{t.figure.tooFew}</p>
        : <p class="headline-value" data-testid="nps">{fmt.figure(figure)}</p>}
      <p class="headline-meta">
        {reading === 'too-few' ? `${fmt.n(figure.n)} · ${t.figure.tooFewNote(MIN_ANSWERS)}` : `${fmt.interval(figure)} · ${fmt.n(figure.n)}`}
      </p>
      {reading === 'score' && intervalMissesScore(figure) && <p class="small notice" data-testid="interval-note">{t.figure.outside}</p>}
      <ul class="groups" aria-label={t.figure.groups}>
        {groups.map(([group, name, share]) => share && (
          <li key={group}><span class={`dot ${group}`} aria-hidden="true" />
            {t.figure.group(name, fmt.percent(share.percent), fmt.count(share.count))}</li>
        ))}
      </ul>
    </div>
  );
}
