/** The recurring themes of one group's comments, with how often they come up and the NPS of those answers. */
import { useSession } from '../context.ts';
import { formatNps, formatShare } from '../format.ts';
import type { Theme } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { Loaded } from './Loaded.tsx';

const TITLES = { detractor: 'Detractors talk about', passive: 'Passives talk about', promoter: 'Promoters talk about' };

/** Top themes of a group; picking one searches the comments for it. */
export function ThemeList(props: { group: 'detractor' | 'passive' | 'promoter'; onPick: (term: string) => void }) {
  const { api, surveyId } = useSession();
  const [themes] = useResource(
    () => api.get<{ themes: Theme[] }>(`/v1/surveys/${encodeURIComponent(surveyId)}/themes`, { group: props.group, limit: 10 }),
    [surveyId, props.group],
  );
  return (
    <section class="card themes" aria-label={TITLES[props.group]}>
      <h2>{TITLES[props.group]}</h2>
      <Loaded resource={themes} what="themes">
        {(data) => data.themes.length === 0 ? <p class="muted small">No recurring themes yet.</p> : (
          <ol>
            {data.themes.map((theme) => (
              <li key={theme.term}>
                <button type="button" class="link" onClick={() => props.onPick(theme.term)}>{theme.term}</button>
                <span class="muted small"> {theme.count}× · {formatShare(theme.share)} · NPS {formatNps(theme.nps)}</span>
              </li>
            ))}
          </ol>
        )}
      </Loaded>
    </section>
  );
}
