/** Touchpoints: NPS per segment with intervals, small samples marked, sortable, and any two compared. */
import { useState } from 'preact/hooks';
import { ComparePeriods } from '../components/ComparePeriods.tsx';
import { CompareSegments, type Dimension } from '../components/CompareSegments.tsx';
import { IntervalBar } from '../components/IntervalBar.tsx';
import { Loaded } from '../components/Loaded.tsx';
import { Page } from '../components/Page.tsx';
import { Segmented } from '../components/Segmented.tsx';
import { useSession } from '../context.ts';
import { MIN_ANSWERS, readFigure } from '../figures.ts';
import { useI18n } from '../i18n/i18n.ts';
import { nextSort, sortSegments, type SegmentSort, type SegmentSortKey } from '../segments.ts';
import type { Segments } from '../types.ts';
import { useResource } from '../use-resource.ts';

const DIMENSIONS = ['touchpoint', 'channel', 'journey', 'locale'] as const;

/** The touchpoints page. */
export function Touchpoints() {
  const { api, surveyId } = useSession();
  const { t, fmt } = useI18n();
  const [by, setBy] = useState<Dimension>('touchpoint');
  const [sort, setSort] = useState<SegmentSort>({ key: 'n', descending: true });
  const [segments] = useResource(() => api.get<Segments>(`/v1/surveys/${encodeURIComponent(surveyId)}/segments`, { by }), [surveyId, by]);
  const header = (key: SegmentSortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="sort" onClick={() => setSort(nextSort(sort, key))}>
        {label} <span aria-hidden="true">{sort.key === key ? (sort.descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>
  );
  const dimension = t.touchpoints.dimension[by];

  return (
    <Page id="touchpoints" title={t.nav.page.touchpoints} tools={
      <Segmented legend={t.touchpoints.segmentBy} name="by" value={by} choices={DIMENSIONS.map((value) => ({ value, label: t.touchpoints.dimension[value] }))} onChange={setBy} />
    }>
      <Loaded resource={segments} what={t.touchpoints.what.segments}>
        {(data) => (
          <>
            <article class="card">
              <div class="table-scroll"><table class="table segments">
                <caption class="visually-hidden">{t.touchpoints.caption(dimension, data.minN)}</caption>
                <thead><tr>
                  {header('value', dimension)}{header('n', t.touchpoints.answers)}{header('nps', t.touchpoints.nps)}
                  <th scope="col">{t.touchpoints.interval}</th><th scope="col" class="chart-col">{t.touchpoints.axis}</th>
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
                        <td><IntervalBar figure={segment} showScore={reading === 'score'} /></td>
                      </tr>
                    );
                  })}
                </tbody>
              </table></div>
              <p class="muted small">{t.touchpoints.note(data.minN, MIN_ANSWERS)}</p>
            </article>
            <CompareSegments key={by} by={by} values={data.segments.map((segment) => segment.value).filter((value): value is string => value !== null)} />
            <ComparePeriods />
          </>
        )}
      </Loaded>
    </Page>
  );
}
