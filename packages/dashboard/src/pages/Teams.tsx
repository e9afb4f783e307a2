/** Coaching, not ranking: one team's own customers (their score, weekly trend and stories), never set beside another team's. */
import { useState } from 'preact/hooks';
import { Loaded } from '../components/Loaded.tsx';
import { NpsHeadline } from '../components/NpsHeadline.tsx';
import { Page } from '../components/Page.tsx';
import { Quote } from '../components/Quote.tsx';
import { Segmented } from '../components/Segmented.tsx';
import { TrendChart } from '../components/TrendChart.tsx';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { TeamReport } from '../types.ts';
import { useResource } from '../use-resource.ts';

const SPANS = [30, 90, 365] as const;

/** The teams page: pick your team, read its customers. */
export function Teams() {
  const { api, surveyId } = useSession();
  const { t, fmt } = useI18n();
  const [days, setDays] = useState<number>(90);
  const [team, setTeam] = useState('');
  const base = `/v1/surveys/${encodeURIComponent(surveyId)}/teams`;
  const [teams] = useResource(() => api.get<{ teams: string[] }>(base, { days: 365 }), [surveyId]);
  const [report] = useResource(
    () => (team ? api.get<TeamReport>(`${base}/${encodeURIComponent(team)}`, { days, tz: fmt.timeZone }) : Promise.resolve(null)),
    [surveyId, team, days],
  );

  return (
    <Page id="teams" title={t.nav.page.teams} tools={
      <Segmented legend={t.teams.period} name="team-days" value={days} choices={SPANS.map((value) => ({ value, label: t.teams.days(value) }))} onChange={setDays} />
    }>
      <p class="muted">{t.teams.note}</p>
      <Loaded resource={teams} what={t.teams.what.teams}>
        {(data) => data.teams.length === 0 ? <p class="card">{t.teams.none}</p> : (
          <label class="card">{t.teams.team} <select value={team} onChange={(e) => setTeam(e.currentTarget.value)}>
            <option value="">{t.teams.choose}</option>
            {data.teams.map((name) => <option key={name} value={name}>{name}</option>)}
          </select></label>
        )}
      </Loaded>
      <Loaded resource={report} what={t.teams.what.team}>
        {(data) => data && (
          <>
            <article class="card wide"><NpsHeadline figure={data.figure} label={t.teams.headline(data.team, days)} /></article>
            <article class="card">
              <h2>{t.teams.trend} <span class="muted small">{t.teams.trendNote(fmt.timeZone)}</span></h2>
              <TrendChart trend={{ metric: data.metric, interval: 'week', tz: data.tz, buckets: data.trend.buckets }} />
            </article>
            <article class="card">
              <h2>{t.teams.stories}</h2>
              {data.stories.length === 0 ? <p class="muted small">{t.teams.noStories}</p> : (
                <ul class="quotes">{data.stories.map((story) => (
                  <li key={story.id}><Quote score={story.score} metric={data.metric} comment={story.comment} touchpoint={story.touchpoint} createdAt={story.createdAt} /></li>
                ))}</ul>
              )}
            </article>
          </>
        )}
      </Loaded>
    </Page>
  );
}
