/** Before and after a done action, in words: its touchpoint's score and its themes' share of answers, and whether each change is significant. */
import { changeKey } from '../figures.ts';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { ActionEffect as Effect, ThemeShare } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { Loaded } from './Loaded.tsx';

/** Fetches `GET /v1/actions/:id/effect` and lists one line per thing measured. */
export function ActionEffect(props: { actionId: string; title: string }) {
  const { api } = useSession();
  const { t, fmt } = useI18n();
  const [effect] = useResource(() => api.get<Effect>(`/v1/actions/${encodeURIComponent(props.actionId)}/effect`), [props.actionId]);
  const share = (side: ThemeShare) => (side.percent === null ? '–' : t.effect.share(fmt.percent(side.percent), fmt.count(side.mentions), fmt.count(side.n)));
  return (
    <Loaded resource={effect} what={t.effect.what}>
      {(data) => (
        <div class="effect" aria-label={t.effect.of(props.title)}>
          <p class="small muted">{t.effect.windows(data.days, fmt.day(data.before.to), fmt.day(data.after.from))}</p>
          {data.effects.length === 0 ? <p class="small muted">{t.effect.nothing}</p> : (
            <ul class="small">
              {data.effects.map((item) => {
                const verdict = t.change[changeKey(item.change)];
                const p = item.change.p === null ? '' : ` (${fmt.p(item.change.p)})`;
                return item.subject === 'touchpoint'
                  ? <li key={`t:${item.touchpoint}`}>{t.effect.touchpoint(fmt.label(item.touchpoint), `${fmt.figure(item.before)} (${fmt.n(item.before.n)})`, `${fmt.figure(item.after)} (${fmt.n(item.after.n)})`)}: <strong>{verdict}</strong>{p}</li>
                  : <li key={`h:${item.theme}`}>{t.effect.theme(item.theme, share(item.before), share(item.after))}: <strong>{verdict}</strong>{p}</li>;
              })}
            </ul>
          )}
        </div>
      )}
    </Loaded>
  );
}
