/** Explains why write controls are disabled for a read key. */
import { useSession } from '../context.ts';

/** A short note shown next to disabled write controls; renders nothing for an admin key. */
export function ReadOnlyNote(props: { action: string }) {
  const { scope } = useSession();
  if (scope === 'admin') return null;
  return <p class="notice small">Read-only: your key can see everything but cannot {props.action}. Sign in with an admin key to make changes.</p>;
}
