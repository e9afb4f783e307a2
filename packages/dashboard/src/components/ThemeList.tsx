/** The recurring themes of one group's comments, with how often they come up and the NPS of those answers. */
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Theme } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { Loaded } from './Loaded.tsx';

/** Top themes of a group; picking one searches the comments for it. */
export function ThemeList(props: { group: 'detractor' | 'passive' | 'promoter'; onPick: (term: string) => void }) {
  const { api, surveyId } = useSession();
  const { t, fmt } = useI18n();
  const [themes] = useResource(
    () => api.get<{ themes: Theme[] }>(`/v1/surveys/${encodeURIComponent(surveyId)}/themes`, { group: props.group, limit: 10 }),
    [surveyId, props.group],
  );
  const title = t.comments.themeTitle[props.group];
  return (
    <section class="card themes" aria-label={title}>
      <h2>{title}</h2>
      <Loaded resource={themes} what={t.comments.what.themes}>
        {(data) => data.themes.length === 0 ? <p class="muted small">{t.comments.noThemes}</p> : (
          <ol>
            {data.themes.map((theme) => (
              <li key={theme.term}>
                <button type="button" class="link" onClick={() => props.onPick(theme.term)}>{theme.term}</button>
                <span class="muted small"> {t.comments.themeLine(fmt.count(theme.count), fmt.share(theme.share), fmt.figure(theme))}</span>
              </li>
            ))}
          </ol>
        )}
      </Loaded>
    </section>
  );
}
