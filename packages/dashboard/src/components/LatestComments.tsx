/** The newest comments of the lowest group (NPS detractors, CSAT dissatisfied, CES disagree), for the morning read. */
import { useSession, useSurveyMetric } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { ResponseItem } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { Loaded } from './Loaded.tsx';
import { Quote } from './Quote.tsx';

/** Up to four comments of the lowest group in the period, with a link to all comments. */
export function LatestComments(props: { range: { from: string; to: string; tz: string } }) {
  const { api, surveyId } = useSession();
  const { t } = useI18n();
  const metric = useSurveyMetric();
  const [latest] = useResource(
    () => api.get<{ responses: ResponseItem[] }>(`/v1/surveys/${encodeURIComponent(surveyId)}/responses`, { group: 'detractor', hasComment: 'true', ...props.range, limit: 4 }),
    [surveyId, props.range.from, props.range.to],
  );
  return (
    <article class="card">
      <h2>{t.overview.latest[metric]}</h2>
      <Loaded resource={latest} what={t.overview.what.latest}>
        {(data) => data.responses.length === 0 ? <p class="muted small">{t.overview.noLatest[metric]}</p> : (
          <ul class="quotes compact">
            {data.responses.map((response) => (
              <li key={response.id}><Quote score={response.score} metric={metric} comment={response.comment} touchpoint={response.touchpoint} createdAt={response.createdAt} /></li>
            ))}
          </ul>
        )}
      </Loaded>
      <p class="small"><a href={`#/${encodeURIComponent(surveyId)}/comments`}>{t.overview.allComments}</a></p>
    </article>
  );
}
