/** The huddle's themes per group with quotes; any theme becomes an action in one step. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import type { Huddle } from '../types.ts';
import { ActionForm } from './ActionForm.tsx';

const TITLES = { detractor: 'What detractors say', promoter: 'What promoters say' };

/** Two columns of themes with their quotes. */
export function HuddleThemes(props: { themes: Huddle['themes']; onCreated: () => void }) {
  const { scope } = useSession();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div class="columns">
      {(['detractor', 'promoter'] as const).map((group) => (
        <article key={group} class={`card themes ${group}`}>
          <h2>{TITLES[group]}</h2>
          {props.themes[group].length === 0 && <p class="muted small">No recurring themes in this period.</p>}
          <ul class="theme-blocks">
            {props.themes[group].map((theme) => (
              <li key={theme.term}>
                <h3>{theme.term} <span class="muted small">{theme.count} comments</span></h3>
                {theme.quotes.map((quote) => <blockquote key={quote}>{quote}</blockquote>)}
                {scope === 'admin' && open !== `${group}:${theme.term}` && (
                  <button type="button" class="link" onClick={() => setOpen(`${group}:${theme.term}`)}>Make an action from "{theme.term}"</button>
                )}
                {open === `${group}:${theme.term}` && (
                  <ActionForm
                    seed={{ title: group === 'detractor' ? `Fix: ${theme.term}` : `Keep doing: ${theme.term}`, themes: [theme.term] }}
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
