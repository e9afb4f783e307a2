/** Overview of one survey: NPS with its interval, the change against the previous period, trend, distribution, rates. */
import { Page } from '../components/Page.tsx';
import { useState } from 'preact/hooks';
import { Distribution } from '../components/Distribution.tsx';
import { Loaded } from '../components/Loaded.tsx';
import { NpsHeadline } from '../components/NpsHeadline.tsx';
import { Segmented } from '../components/Segmented.tsx';
import { TrendChart } from '../components/TrendChart.tsx';
import { useSession } from '../context.ts';
import { formatN, formatNps, formatP, formatShare, rateShare, viewerTimeZone } from '../format.ts';
import { LatestComments } from '../components/LatestComments.tsx';
import { changeWording, periodPair } from '../periods.ts';
import type { Comparison, LoopStats, Summary, Trend } from '../types.ts';
import { useResource } from '../use-resource.ts';

const PERIODS = [{ value: 7, label: '7 days' }, { value: 30, label: '30 days' }, { value: 90, label: '90 days' }] as const;
const INTERVALS = [{ value: 'day', label: 'Day' }, { value: 'week', label: 'Week' }, { value: 'month', label: 'Month' }] as const;
const SPAN = { day: 'last 30 days', week: 'last 12 weeks', month: 'last 12 months' };

/** The survey overview page. */
export function Overview() {
  const { api, surveyId } = useSession();
  const [days, setDays] = useState<number>(30);
  const [interval, setTrendInterval] = useState<'day' | 'week' | 'month'>('day');
  const timeZone = viewerTimeZone();
  // One clock reading per visit, so the period does not move (and refetch) on every render.
  const [now] = useState(() => Date.now());
  const { current, previous } = periodPair(days, now);
  const base = `/v1/surveys/${encodeURIComponent(surveyId)}`;
  const [summary] = useResource(() => api.get<Summary>(`${base}/summary`, { ...current }), [surveyId, days]);
  const [comparison] = useResource(() => api.get<Comparison>(`${base}/compare`, {
    aFrom: previous.from, aTo: previous.to, bFrom: current.from, bTo: current.to,
  }), [surveyId, days]);
  const [trend] = useResource(() => api.get<Trend>(`${base}/trend`, { interval, tz: timeZone }), [surveyId, interval]);
  const [loops] = useResource(() => api.get<LoopStats>(`${base}/loops/stats`), [surveyId]);

  return (
    <Page id="overview" title="Overview" tools={<Segmented legend="Period" name="period" value={days} choices={PERIODS} onChange={setDays} />}>
      <div class="cards">
        <article class="card wide">
          <Loaded resource={summary} what="the summary">
            {(data) => <NpsHeadline figure={data} label={`NPS, last ${days} days`} />}
          </Loaded>
          <Loaded resource={comparison} what="the comparison">
            {(data) => (
              <p class={`change ${data.significant ? 'significant' : 'flat'}`} data-testid="change">
                <strong>{formatNps(data.difference)}</strong> vs previous {days} days ({formatNps(data.a.nps)}, {formatN(data.a.n)}):{' '}
                <span>{changeWording(data)}</span>
                {data.p !== null && <span class="muted"> ({formatP(data.p)})</span>}
              </p>
            )}
          </Loaded>
        </article>
        <Loaded resource={summary} what="the rates">
          {(data) => (
            <>
              <article class="card stat"><h2>Response rate</h2><p class="stat-value">{formatShare(rateShare(data.responseRate))}</p><p class="muted small">answers per prompt shown</p></article>
              <article class="card stat"><h2>Comment rate</h2><p class="stat-value">{formatShare(rateShare(data.commentRate))}</p><p class="muted small">answers with a "why"</p></article>
            </>
          )}
        </Loaded>
        <article class="card stat">
          <h2>Open loops</h2>
          <Loaded resource={loops} what="loop figures">
            {(data) => (
              <>
                <p class="stat-value">{data.open}</p>
                <p class="muted small">{formatShare(data.withinSla.share)} contacted within {data.withinSla.slaHours} h</p>
              </>
            )}
          </Loaded>
        </article>
      </div>
      <article class="card">
        <div class="card-head">
          <h2>Trend <span class="muted small">({SPAN[interval]}, {timeZone}; band = 95% interval)</span></h2>
          <Segmented legend="Trend interval" name="interval" value={interval} choices={INTERVALS} onChange={setTrendInterval} />
        </div>
        <Loaded resource={trend} what="the trend">{(data) => <TrendChart trend={data} timeZone={timeZone} />}</Loaded>
      </article>
      <div class="columns">
        <article class="card">
          <h2>Scores 0–10 <span class="muted small">(last {days} days)</span></h2>
          <Loaded resource={summary} what="the distribution">{(data) => <Distribution counts={data.distribution} />}</Loaded>
        </article>
        <LatestComments from={current.from} />
      </div>
    </Page>
  );
}
