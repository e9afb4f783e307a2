/** Compares any two periods (local days, both ends included) with the collector's significance test. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import { compareQuery, isRange, lastDays, type DayRange } from '../periods.ts';
import type { Comparison } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { ChangeLine } from './ChangeLine.tsx';
import { Loaded } from './Loaded.tsx';

/** Four date fields and the verdict on B − A; by default the last 30 days (today included) against the 30 before. */
export function ComparePeriods() {
  const { api, surveyId } = useSession();
  const { t, fmt } = useI18n();
  const [range, setRange] = useState(() => {
    const { current, previous } = lastDays(30, Date.now(), fmt.timeZone);
    return { a: previous, b: current };
  });
  const ready = isRange(range.a) && isRange(range.b);
  const [result] = useResource(
    () => (ready ? api.get<Comparison>(`/v1/surveys/${encodeURIComponent(surveyId)}/compare`, compareQuery(range.a, range.b, fmt.timeZone)) : Promise.resolve(null)),
    [surveyId, range.a.from, range.a.to, range.b.from, range.b.to],
  );
  const field = (side: 'a' | 'b', end: keyof DayRange, label: string) => (
    <label>{label}<input type="date" value={range[side][end]} required onChange={(e) => setRange({ ...range, [side]: { ...range[side], [end]: e.currentTarget.value } })} /></label>
  );
  return (
    <article class="card">
      <h2>{t.touchpoints.comparePeriods}</h2>
      <div class="filters">
        {field('a', 'from', t.touchpoints.aFrom)}{field('a', 'to', t.touchpoints.aTo)}{field('b', 'from', t.touchpoints.bFrom)}{field('b', 'to', t.touchpoints.bTo)}
      </div>
      {!ready ? <p class="muted small">{t.touchpoints.endAfterStart}</p> : (
        <Loaded resource={result} what={t.touchpoints.what.comparison}>
          {(data) => data && <ChangeLine comparison={data} kind="period" template={t.touchpoints.periodResult} testId="compare-periods"
            sides={(figure) => t.touchpoints.sideFigure(fmt.figure(figure), fmt.n(figure.n), fmt.interval(figure))} />}
        </Loaded>
      )}
    </article>
  );
}
