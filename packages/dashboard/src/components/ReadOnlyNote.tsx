/** Explains why write controls are disabled for a read key. */
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';

/** A short note shown next to disabled write controls; renders nothing for an admin key. */
export function ReadOnlyNote(props: { about: 'surveys' | 'loops' | 'actions' | 'settings' }) {
  const { scope } = useSession();
  const { t } = useI18n();
  if (scope === 'admin') return null;
  return <p class="notice small">{t.readOnly[props.about]}</p>;
}
