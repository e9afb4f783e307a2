/** A list row's change from the one it is compared with, in words (an arrow only beside them): "significantly up (+12.5)". */
import { changeKey } from '../figures.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Metric, RowChange } from '../types.ts';

/** The change, or why there is none: nothing to compare with, or too few answers on a side for a number worth reading. */
export function RowChangeText(props: { change: RowChange | null | undefined; metric: Metric | undefined; enough: boolean }) {
  const { t, fmt } = useI18n();
  const { change } = props;
  if (!change) return <span class="muted">{t.touchpoints.noPrevious}</span>;
  if (!props.enough) return <span class="muted">{t.change.notEnough}</span>;
  const key = changeKey(change);
  const arrow = key === 'up' ? '▲' : key === 'down' ? '▼' : '';
  return (
    <span class={change.significant ? 'row-change significant' : 'row-change'}>
      {arrow && <span aria-hidden="true">{arrow} </span>}
      {t.touchpoints.changeCell(t.change[key], fmt.difference(props.metric, change.difference))}
    </span>
  );
}
