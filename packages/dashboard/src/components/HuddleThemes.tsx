/** The huddle's themes per group with quotes; any theme becomes an action in one step. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Huddle } from '../types.ts';
import { ActionForm } from './ActionForm.tsx';

/** Two columns of themes with their quotes. */
export function HuddleThemes(props: { themes: Huddle['themes']; onCreated: () => void }) {
  const { scope } = useSession();
  const { t, fmt } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div class="columns">
      {(['detractor', 'promoter'] as const).map((group) => (
        <article key={group} class={`card themes ${group}`}>
          <h2>{t.huddle.themes[group]}</h2>
          {props.themes[group].length === 0 && <p class="muted small">{t.huddle.noThemes}</p>}
          <ul class="theme-blocks">
            {props.themes[group].map((theme) => (
              <li key={theme.term}>
                <h3>{theme.term} <span class="muted small">{t.huddle.themeCount(theme.count, fmt.count(theme.count))}</span></h3>
                {theme.quotes.map((quote) => <blockquote key={quote}>{quote}</blockquote>)}
                {scope === 'admin' && open !== `${group}:${theme.term}` && (
                  <button type="button" class="link" onClick={() => setOpen(`${group}:${theme.term}`)}>{t.huddle.makeActionFrom(theme.term)}</button>
                )}
                {open === `${group}:${theme.term}` && (
                  <ActionForm
                    seed={{ title: group === 'detractor' ? t.actions.fix(theme.term) : t.actions.keep(theme.term), themes: [theme.term] }}
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
