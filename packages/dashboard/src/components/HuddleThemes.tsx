/** The huddle's themes per group with quotes; any theme becomes an action in one step. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Huddle, Metric } from '../types.ts';
import { ActionForm } from './ActionForm.tsx';
import { ThemeCounts } from './ThemeCounts.tsx';

/** Two columns of themes with their quotes, headed with the metric's group names; actions made here belong to `huddleId` when one is running. */
export function HuddleThemes(props: { themes: Huddle['themes']; metric: Metric; onCreated: () => void; huddleId?: string }) {
  const { scope } = useSession();
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div class="columns">
      {(['detractor', 'promoter'] as const).map((group) => (
        <article key={group} class={`card themes ${group}`}>
          <h2>{t.huddle.themes[props.metric][group]}</h2>
          {props.themes[group].length === 0 && <p class="muted small">{t.huddle.noThemes}</p>}
          <ul class="theme-blocks">
            {props.themes[group].map(({ theme: term, mentions, nps, figure, quotes }) => (
              <li key={term}>
                <h3>{term}<ThemeCounts group={group} theme={{ mentions, nps, figure }} /></h3>
                {quotes.map((quote) => <blockquote key={quote}>{quote}</blockquote>)}
                {scope === 'admin' && open !== `${group}:${term}` && (
                  <button type="button" class="link" onClick={() => setOpen(`${group}:${term}`)}>{t.huddle.makeActionFrom(term)}</button>
                )}
                {open === `${group}:${term}` && (
                  <ActionForm
                    seed={{ title: group === 'detractor' ? t.actions.fix(term) : t.actions.keep(term), themes: [term], huddleId: props.huddleId }}
                    onCancel={() => setOpen(null)}
                    onCreated={() => { setOpen(null); props.onCreated(); }}
                  />
                )}
              </li>
            ))}
          </ul>
        </article>
      ))}
    </div>
  );
}
