/** The newest detractor comments, for the morning read. */
import { useSession } from '../context.ts';
import type { ResponseItem } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { Loaded } from './Loaded.tsx';
import { Quote } from './Quote.tsx';

/** Up to four detractor comments since `from`, with a link to all comments. */
export function LatestComments(props: { from: string }) {
  const { api, surveyId } = useSession();
  const [latest] = useResource(
    () => api.get<{ responses: ResponseItem[] }>(`/v1/surveys/${encodeURIComponent(surveyId)}/responses`, { group: 'detractor', hasComment: 'true', from: props.from, limit: 4 }),
    [surveyId, props.from],
  );
  return (
    <article class="card">
      <h2>Latest from detractors</h2>
      <Loaded resource={latest} what="the latest comments">
        {(data) => data.responses.length === 0 ? <p class="muted small">No detractor comments in this period.</p> : (
          <ul class="quotes compact">
            {data.responses.map((response) => (
              <li key={response.id}><Quote score={response.score} comment={response.comment} touchpoint={response.touchpoint} createdAt={response.createdAt} /></li>
            ))}
          </ul>
        )}
      </Loaded>
      <p class="small"><a href={`#/${encodeURIComponent(surveyId)}/comments`}>All comments</a></p>
    </article>
  );
}
