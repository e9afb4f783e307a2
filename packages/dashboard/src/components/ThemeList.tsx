/** The recurring themes of one group's comments (NPS, CSAT or CES group names), each count labelled by the set it counts. */
import { useSession, useSurveyMetric } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Theme } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { Loaded } from './Loaded.tsx';
import { ThemeCounts } from './ThemeCounts.tsx';

/** Top themes of a group, named as the survey's metric names it: how many of the group mention each, and the metric's figure of everyone who does; picking one searches the comments for it. */
export function ThemeList(props: { group: 'detractor' | 'passive' | 'promoter'; onPick: (term: string) => void }) {
  const { api, surveyId } = useSession();
  const { t } = useI18n();
  const metric = useSurveyMetric();
  const [themes] = useResource(
    () => api.get<{ themes: Theme[] }>(`/v1/surveys/${encodeURIComponent(surveyId)}/themes`, { group: props.group, limit: 10 }),
    [surveyId, props.group],
  );
  const title = t.comments.themeTitle[metric][props.group];
  return (
    <section class="card themes" aria-label={title}>
      <h2>{title}</h2>
      <Loaded resource={themes} what={t.comments.what.themes}>
        {(data) => data.themes.length === 0 ? <p class="muted small">{t.comments.noThemes}</p> : (
          <ol>
            {data.themes.map((theme) => (
              <li key={theme.theme}>
                <button type="button" class="link" onClick={() => props.onPick(theme.theme)}>{theme.theme}</button>
                <ThemeCounts group={props.group} theme={theme} />
              </li>
            ))}
          </ol>
        )}
      </Loaded>
    </section>
  );
}
