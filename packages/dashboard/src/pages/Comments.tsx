/** Comments: the story behind the score, filterable, with the themes of each group and their NPS. */
import { Page } from '../components/Page.tsx';
import { useState } from 'preact/hooks';
import { ActionForm } from '../components/ActionForm.tsx';
import { ExportLink } from '../components/ExportLink.tsx';
import { CommentFilters, type CommentFilter } from '../components/CommentFilters.tsx';
import { Loaded } from '../components/Loaded.tsx';
import { Quote } from '../components/Quote.tsx';
import { ThemeList } from '../components/ThemeList.tsx';
import { useSession } from '../context.ts';
import type { ResponseItem } from '../types.ts';
import { useResource } from '../use-resource.ts';

interface ResponsePage {
  responses: ResponseItem[];
  nextCursor: string | null;
}

/** The comments page. */
export function Comments() {
  const { api, surveyId, scope } = useSession();
  const [filter, setFilter] = useState<CommentFilter>({ group: '', touchpoint: '', score: '', q: '' });
  const [pages, setPages] = useState<ResponsePage[]>([]);
  const [actionFor, setActionFor] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const base = `/v1/surveys/${encodeURIComponent(surveyId)}`;
  const query = { hasComment: 'true', group: filter.group, touchpoint: filter.touchpoint, score: filter.score, q: filter.q.trim(), limit: 30 };
  const [first] = useResource(async () => {
    setPages([]);
    return api.get<ResponsePage>(`${base}/responses`, query);
  }, [surveyId, filter.group, filter.touchpoint, filter.score, filter.q]);

  async function more(cursor: string) {
    setPages([...pages, await api.get<ResponsePage>(`${base}/responses`, { ...query, cursor })]);
  }

  return (
    <Page id="comments" title="Comments" tools={<ExportLink filters={{ touchpoint: filter.touchpoint }} />}>
      <CommentFilters value={filter} onChange={setFilter} />
      <div class="split">
        <div>
          <Loaded resource={first} what="comments">
            {(data) => {
              const all = [data, ...pages];
              const responses = all.flatMap((page) => page.responses);
              const cursor = all[all.length - 1].nextCursor;
              return (
                <>
                  <p class="muted small" role="status">{responses.length === 0 ? 'No comments match these filters.' : `${responses.length}${cursor ? '+' : ''} comments, newest first`}</p>
                  {created && <p class="success" role="status">{created}</p>}
                  <ul class="quotes" aria-label="Comments">
                    {responses.map((response) => (
                      <li key={response.id}>
                        <Quote score={response.score} comment={response.comment} touchpoint={response.touchpoint} createdAt={response.createdAt}>
                          {scope === 'admin' && (
                            <button type="button" class="link" onClick={() => setActionFor(response.id)}>Make an action</button>
                          )}
                        </Quote>
                        {actionFor === response.id && (
                          <ActionForm
                            seed={{ title: (response.comment ?? '').slice(0, 80), responseIds: [response.id] }}
                            onCancel={() => setActionFor(null)}
                            onCreated={(action) => { setActionFor(null); setCreated(`Action "${action.title}" created.`); }}
                          />
                        )}
                      </li>
                    ))}
                  </ul>
                  {cursor && <button type="button" onClick={() => more(cursor)}>Show older comments</button>}
                </>
              );
            }}
          </Loaded>
        </div>
        <aside aria-label="Themes">
          <ThemeList group={filter.group || 'detractor'} onPick={(term) => setFilter({ ...filter, q: term })} />
          {!filter.group && <ThemeList group="promoter" onPick={(term) => setFilter({ ...filter, q: term })} />}
        </aside>
      </div>
    </Page>
  );
}
