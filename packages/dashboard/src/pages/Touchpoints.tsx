/** Touchpoints: the survey's score per segment with intervals, small samples marked, each row's change from the period before, sortable, and any two compared. */
import { METRIC_NAMES } from '@npsloop/core';
import { useState } from 'preact/hooks';
import { ComparePeriods } from '../components/ComparePeriods.tsx';
import { CompareSegments, type Dimension } from '../components/CompareSegments.tsx';
import { IntervalBar } from '../components/IntervalBar.tsx';
import { Loaded } from '../components/Loaded.tsx';
import { Page } from '../components/Page.tsx';
import { RowChangeText } from '../components/RowChangeText.tsx';
import { Segmented } from '../components/Segmented.tsx';
import { useSession, useSurveyMetric } from '../context.ts';
import { MIN_ANSWERS, readFigure } from '../figures.ts';
import { useI18n } from '../i18n/i18n.ts';
import { lastDays, rangeQuery } from '../periods.ts';
import { nextSort, sortSegments, type SegmentSort, type SegmentSortKey } from '../segments.ts';
import type { Segments } from '../types.ts';
import { useResource } from '../use-resource.ts';

const DIMENSIONS = ['touchpoint', 'channel', 'journey', 'locale'] as const;
/** The periods the table can show; 0 is all time (no change column then). */
const PERIODS = [30, 90, 0] as const;

/** The touchpoints page. */
export function Touchpoints() {
  const { api, surveyId } = useSession();
  const metric = useSurveyMetric();
  const { t, fmt } = useI18n();
  const [by, setBy] = useState<Dimension>('touchpoint');
  const [days, setDays] = useState<number>(30);
  const [sort, setSort] = useState<SegmentSort>({ key: 'n', descending: true });
  // One clock reading per visit, so the period does not move (and refetch) on every render.
  const [now] = useState(() => Date.now());
  const query = days === 0 ? { by } : { by, compare: 'previous', ...rangeQuery(lastDays(days, now, fmt.timeZone).current, fmt.timeZone) };
  const [segments] = useResource(() => api.get<Segments>(`/v1/surveys/${encodeURIComponent(surveyId)}/segments`, query), [surveyId, by, days]);
  const header = (key: SegmentSortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="sort" onClick={() => setSort(nextSort(sort, key))}>
        {label} <span aria-hidden="true">{sort.key === key ? (sort.descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>
  );
  const dimension = t.touchpoints.dimension[by];
  const period = days === 0 ? t.touchpoints.periodAll : t.touchpoints.periodDays(days);

  return (
    <Page id="touchpoints" title={t.nav.page.touchpoints} tools={
      <>
        <Segmented legend={t.overview.period} name="period" value={days} choices={PERIODS.map((value) => ({ value, label: value === 0 ? t.touchpoints.allTime : t.overview.days(value) }))} onChange={setDays} />
        <Segmented legend={t.touchpoints.segmentBy} name="by" value={by} choices={DIMENSIONS.map((value) => ({ value, label: t.touchpoints.dimension[value] }))} onChange={setBy} />
      </>
    }>
      <Loaded resource={segments} what={t.touchpoints.what.segments}>
        {(data) => (
          <>
            <article class="card">
              <div class="table-scroll"><table class="table segments">
                <caption class="visually-hidden">{t.touchpoints.caption(METRIC_NAMES[metric], dimension, period, data.minN)}</caption>
                <thead><tr>
                  {header('value', dimension)}{header('n', t.touchpoints.answers)}{header('score', METRIC_NAMES[metric])}
                  <th scope="col">{t.touchpoints.interval}</th>
                  {data.multipleComparisons && <th scope="col">{t.touchpoints.change(days)}</th>}
                  <th scope="col" class="chart-col">{t.touchpoints.axis[metric]}</th>
                </tr></thead>
                <tbody>
                  {sortSegments(data.segments, sort).map((segment) => {
                    const reading = readFigure(segment);
                    return (
                      <tr key={segment.value ?? '(none)'} class={segment.smallSample ? 'small-sample' : ''}>
                        <th scope="row">{fmt.label(segment.value)}{segment.smallSample && <span class="badge" title={t.touchpoints.smallSampleTitle(data.minN)}>{t.touchpoints.smallSample}</span>}</th>
                        <td class="num">{fmt.count(segment.n)}</td>
                        <td class={reading === 'score' ? 'num strong' : 'num muted'}>{fmt.figure(segment)}</td>
                        <td class="muted">{fmt.bounds(segment)}</td>
                        {data.multipleComparisons && (
                          <td><RowChangeText change={segment.change} metric={segment.metric ?? metric} enough={reading === 'score' && (segment.previous?.n ?? 0) >= MIN_ANSWERS} /></td>
                        )}
                        <td><IntervalBar figure={segment} showScore={reading === 'score'} /></td>
                      </tr>
                    );
                  })}
                </tbody>
              </table></div>
              <p class="muted small">{t.touchpoints.note(data.minN, MIN_ANSWERS)}</p>
              {data.multipleComparisons && <p class="muted small">{t.touchpoints.correction(data.multipleComparisons.tests, fmt.share(data.multipleComparisons.alpha))}</p>}
            </article>
            <CompareSegments key={by} by={by} values={data.segments.map((segment) => segment.value).filter((value): value is string => value !== null)} />
            <ComparePeriods />
          </>
        )}
      </Loaded>
    </Page>
  );
}
