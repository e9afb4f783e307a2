/** The visible list of inbox keyboard shortcuts. */
import { SHORTCUTS } from '../loops.ts';

/** Keys and what they do. */
export function ShortcutHelp() {
  return (
    <section class="card shortcuts" aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.key}><dt><kbd>{shortcut.key}</kbd></dt><dd>{shortcut.label}</dd></div>
        ))}
      </dl>
    </section>
  );
}
