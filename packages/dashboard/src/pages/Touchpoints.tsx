/** Touchpoints: NPS per segment with intervals, small samples marked, sortable, and any two compared. */
import { Page } from '../components/Page.tsx';
import { useState } from 'preact/hooks';
import { ComparePeriods } from '../components/ComparePeriods.tsx';
import { CompareSegments } from '../components/CompareSegments.tsx';
import { IntervalBar } from '../components/IntervalBar.tsx';
import { Loaded } from '../components/Loaded.tsx';
import { Segmented } from '../components/Segmented.tsx';
import { useSession } from '../context.ts';
import { formatInterval, formatNps, humanize } from '../format.ts';
import { nextSort, sortSegments, type SegmentSort, type SegmentSortKey } from '../segments.ts';
import type { Segments } from '../types.ts';
import { useResource } from '../use-resource.ts';

const DIMENSIONS = [
  { value: 'touchpoint', label: 'Touchpoint' }, { value: 'channel', label: 'Channel' },
  { value: 'journey', label: 'Journey step' }, { value: 'locale', label: 'Language' },
] as const;

/** The touchpoints page. */
export function Touchpoints() {
  const { api, surveyId } = useSession();
  const [by, setBy] = useState<string>('touchpoint');
  const [sort, setSort] = useState<SegmentSort>({ key: 'n', descending: true });
  const [segments] = useResource(() => api.get<Segments>(`/v1/surveys/${encodeURIComponent(surveyId)}/segments`, { by }), [surveyId, by]);
  const header = (key: SegmentSortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="sort" onClick={() => setSort(nextSort(sort, key))}>
        {label} <span aria-hidden="true">{sort.key === key ? (sort.descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>
  );

  return (
    <Page id="touchpoints" title="Touchpoints" tools={<Segmented legend="Segment by" name="by" value={by} choices={DIMENSIONS} onChange={setBy} />}>
      <Loaded resource={segments} what="segments">
        {(data) => (
          <>
            <article class="card">
              <div class="table-scroll"><table class="table segments">
                <caption class="visually-hidden">NPS per {by}, all time; samples under {data.minN} answers are marked</caption>
                <thead><tr>{header('value', DIMENSIONS.find((d) => d.value === by)?.label ?? by)}{header('n', 'Answers')}{header('nps', 'NPS')}<th scope="col">95% interval</th><th scope="col" class="chart-col">−100 · 0 · +100</th></tr></thead>
                <tbody>
                  {sortSegments(data.segments, sort).map((segment) => (
                    <tr key={segment.value ?? '(none)'} class={segment.smallSample ? 'small-sample' : ''}>
                      <th scope="row">{humanize(segment.value)}{segment.smallSample && <span class="badge" title={`fewer than ${data.minN} answers`}>small sample</span>}</th>
                      <td class="num">{segment.n}</td>
                      <td class="num strong">{formatNps(segment.nps)}</td>
                      <td class="muted">{formatInterval(segment).replace('95% CI ', '')}</td>
                      <td><IntervalBar figure={segment} /></td>
                    </tr>
                  ))}
                </tbody>
              </table></div>
              <p class="muted small">Small samples (under {data.minN} answers) have wide intervals: read them as hints, not verdicts.</p>
            </article>
            <CompareSegments by={by} values={data.segments.map((segment) => segment.value).filter((value): value is string => value !== null)} />
            <ComparePeriods />
          </>
        )}
      </Loaded>
    </Page>
  );
}
