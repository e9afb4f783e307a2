/** Overview of one survey: its score (NPS, CSAT or CES) with its interval, the change against the previous period, trend, distribution, rates. */
import { useState } from 'preact/hooks';
import { ChangeLine } from '../components/ChangeLine.tsx';
import { Distribution } from '../components/Distribution.tsx';
import { LatestComments } from '../components/LatestComments.tsx';
import { Loaded } from '../components/Loaded.tsx';
import { NpsHeadline } from '../components/NpsHeadline.tsx';
import { Page } from '../components/Page.tsx';
import { Segmented } from '../components/Segmented.tsx';
import { TrendChanges } from '../components/TrendChanges.tsx';
import { TrendChart } from '../components/TrendChart.tsx';
import { useSession, useSurveyMetric } from '../context.ts';
import { METRIC_NAMES } from '@npsloop/core';
import { rateShare } from '../i18n/formatter.ts';
import { useI18n } from '../i18n/i18n.ts';
import { compareQuery, lastDays, rangeQuery } from '../periods.ts';
import type { Comparison, LoopStats, Summary, Trend } from '../types.ts';
import { useResource } from '../use-resource.ts';

const PERIODS = [7, 30, 90] as const;
const INTERVALS = ['day', 'week', 'month'] as const;

/** The survey overview page. */
export function Overview() {
  const { api, surveyId } = useSession();
  const metric = useSurveyMetric();
  const metricName = METRIC_NAMES[metric];
  const lowest = metric === 'nps' ? 0 : 1;
  const { t, fmt } = useI18n();
  const [days, setDays] = useState<number>(30);
  const [interval, setTrendInterval] = useState<'day' | 'week' | 'month'>('day');
  const timeZone = fmt.timeZone;
  // One clock reading per visit, so the period does not move (and refetch) on every render.
  const [now] = useState(() => Date.now());
  const { current, previous } = lastDays(days, now, timeZone);
  const base = `/v1/surveys/${encodeURIComponent(surveyId)}`;
  const [summary] = useResource(() => api.get<Summary>(`${base}/summary`, rangeQuery(current, timeZone)), [surveyId, days]);
  const [comparison] = useResource(() => api.get<Comparison>(`${base}/compare`, compareQuery(previous, current, timeZone)), [surveyId, days]);
  const [trend] = useResource(() => api.get<Trend>(`${base}/trend`, { interval, tz: timeZone }), [surveyId, interval]);
  const [loops] = useResource(() => api.get<LoopStats>(`${base}/loops/stats`), [surveyId]);
  const what = t.overview.what;

  return (
    <Page id="overview" title={t.nav.page.overview} tools={
      <Segmented legend={t.overview.period} name="period" value={days} choices={PERIODS.map((value) => ({ value, label: t.overview.days(value) }))} onChange={setDays} />
    }>
      <div class="cards">
        <article class="card wide">
          <Loaded resource={summary} what={what.summary}>
            {(data) => <NpsHeadline figure={data} label={metric === 'nps' ? t.overview.headline(days) : t.metric.headline(metricName, days)} />}
          </Loaded>
          <Loaded resource={comparison} what={what.comparison}>
            {(data) => <ChangeLine comparison={data} kind="period" template={t.overview.versus(days)} testId="change"
              sides={(figure) => `${fmt.figure(figure)}, ${fmt.n(figure.n)}`} />}
          </Loaded>
        </article>
        <Loaded resource={summary} what={what.rates}>
          {(data) => (
            <>
              <article class="card stat"><h2>{t.overview.responseRate}</h2><p class="stat-value">{fmt.share(rateShare(data.responseRate))}</p><p class="muted small">{t.overview.responseRateNote}</p></article>
              <article class="card stat"><h2>{t.overview.commentRate}</h2><p class="stat-value">{fmt.share(rateShare(data.commentRate))}</p><p class="muted small">{t.overview.commentRateNote}</p></article>
            </>
          )}
        </Loaded>
        <article class="card stat">
          <h2>{t.overview.openLoops}</h2>
          <Loaded resource={loops} what={what.loops}>
            {(data) => (
              <>
                <p class="stat-value">{fmt.count(data.open)}</p>
                <p class="muted small">{t.overview.withinSla(fmt.share(data.withinSla.share), data.withinSla.slaHours)}</p>
              </>
            )}
          </Loaded>
        </article>
      </div>
      <article class="card">
        <div class="card-head">
          <h2>{t.overview.trend} <span class="muted small">{t.overview.trendNote(t.overview.span[interval], timeZone)}</span></h2>
          <Segmented legend={t.overview.trendInterval} name="interval" value={interval}
            choices={INTERVALS.map((value) => ({ value, label: t.overview.intervals[value] }))} onChange={setTrendInterval} />
        </div>
        <Loaded resource={trend} what={what.trend}>{(data) => <><TrendChart trend={data} /><TrendChanges trend={data} /></>}</Loaded>
      </article>
      <div class="columns">
        <article class="card">
          <h2>{metric === 'nps' ? t.overview.scores : t.metric.scores(lowest, lowest + (metric === 'csat' ? 4 : 6))} <span class="muted small">{t.overview.scoresNote(days)}</span></h2>
          <Loaded resource={summary} what={what.distribution}>{(data) => <Distribution counts={data.distribution} lowest={lowest} />}</Loaded>
        </article>
        <LatestComments range={rangeQuery(current, timeZone)} />
      </div>
    </Page>
  );
}
