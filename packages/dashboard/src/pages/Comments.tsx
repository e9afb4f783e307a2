/** Comments: the story behind the score, filterable, with the themes of each group and their NPS. */
import { useState } from 'preact/hooks';
import { ActionForm } from '../components/ActionForm.tsx';
import { CommentFilters, type CommentFilter } from '../components/CommentFilters.tsx';
import { ExportLink } from '../components/ExportLink.tsx';
import { Loaded } from '../components/Loaded.tsx';
import { Page } from '../components/Page.tsx';
import { Quote } from '../components/Quote.tsx';
import { ThemeList } from '../components/ThemeList.tsx';
import { useSession, useSurveyMetric } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { ResponseItem } from '../types.ts';
import { useResource } from '../use-resource.ts';

interface ResponsePage {
  responses: ResponseItem[];
  nextCursor: string | null;
}

/** The comments page. */
export function Comments() {
  const { api, surveyId, scope } = useSession();
  const { t, fmt } = useI18n();
  const metric = useSurveyMetric();
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
    <Page id="comments" title={t.nav.page.comments} tools={<ExportLink filters={{ touchpoint: filter.touchpoint }} />}>
      <CommentFilters value={filter} onChange={setFilter} />
      <div class="split">
        <div>
          <Loaded resource={first} what={t.comments.what.comments}>
            {(data) => {
              const all = [data, ...pages];
              const responses = all.flatMap((page) => page.responses);
              const cursor = all[all.length - 1].nextCursor;
              return (
                <>
                  <p class="muted small" role="status">{responses.length === 0 ? t.comments.none : t.comments.count(responses.length, fmt.count(responses.length), cursor !== null)}</p>
                  {created && <p class="success" role="status">{created}</p>}
                  <ul class="quotes" aria-label={t.comments.list}>
                    {responses.map((response) => (
                      <li key={response.id}>
                        <Quote score={response.score} metric={metric} comment={response.comment} touchpoint={response.touchpoint} createdAt={response.createdAt}>
                          {scope === 'admin' && (
                            <button type="button" class="link" onClick={() => setActionFor(response.id)}>{t.comments.makeAction}</button>
                          )}
                        </Quote>
                        {actionFor === response.id && (
                          <ActionForm
                            seed={{ title: (response.comment ?? '').slice(0, 80), responseIds: [response.id] }}
                            onCancel={() => setActionFor(null)}
                            onCreated={(action) => { setActionFor(null); setCreated(t.comments.actionCreated(action.title)); }}
                          />
                        )}
                      </li>
                    ))}
                  </ul>
                  {cursor && <button type="button" onClick={() => more(cursor)}>{t.comments.older}</button>}
                </>
              );
            }}
          </Loaded>
        </div>
        <aside aria-label={t.comments.themes}>
          <ThemeList group={filter.group || 'detractor'} onPick={(term) => setFilter({ ...filter, q: term })} />
          {!filter.group && <ThemeList group="promoter" onPick={(term) => setFilter({ ...filter, q: term })} />}
        </aside>
      </div>
    </Page>
  );
}
