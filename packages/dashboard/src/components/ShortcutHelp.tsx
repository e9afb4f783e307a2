/** The visible list of inbox keyboard shortcuts. */
import { useI18n } from '../i18n/i18n.ts';
import { SHORTCUTS } from '../loops.ts';

/** Keys and what they do. */
export function ShortcutHelp() {
  const { t } = useI18n();
  return (
    <section class="card shortcuts" aria-label={t.inbox.shortcuts}>
      <h2>{t.inbox.shortcuts}</h2>
      <dl>
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.key}><dt><kbd>{shortcut.key}</kbd></dt><dd>{t.inbox.shortcut[shortcut.command]}</dd></div>
        ))}
      </dl>
    </section>
  );
}
