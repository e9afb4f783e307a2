/** The big number: the survey's score (NPS, CSAT or CES) with its 95% interval and n, never without them; too few answers get words, not a score. */
import { intervalMissesScore, MIN_ANSWERS, readFigure } from '../figures.ts';
import { groupNamesOf } from '../i18n/group-names.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Group, MetricFigure, Share } from '../types.ts';

/** Headline figure for a period, with the metric's own groups (NPS promoters/passives/detractors, CSAT satisfied…, CES agree…). */
export function NpsHeadline(props: { figure: MetricFigure; label: string }) {
  const { t, fmt } = useI18n();
  const { figure } = props;
  const reading = readFigure(figure);
  const names = groupNamesOf(t, figure.metric ?? 'nps', t.figure.groupNames);
  const shares: Record<Group, Share | undefined> = figure.metric === 'csat'
    ? { promoter: figure.satisfied, passive: figure.neutral, detractor: figure.dissatisfied }
    : figure.metric === 'ces'
      ? { promoter: figure.agree, passive: figure.neutral, detractor: figure.disagree }
      : { promoter: figure.promoters, passive: figure.passives, detractor: figure.detractors };
  const groups = (['promoter', 'passive', 'detractor'] as const).map((group) => [group, names[group], shares[group]] as const);
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
