/** A survey's personal links as a table: person, touchpoint, expiry, answered, and a button that copies the link. */
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import type { PersonalLink } from '../invite-types.ts';

/** The table, newest first; one status line says what the last copy did. */
export function LinkList(props: { links: PersonalLink[] }) {
  const { t, fmt } = useI18n();
  const words = t.invite.links;
  const [copied, setCopied] = useState('');
  const copy = async (link: PersonalLink, who: string) => {
    try {
      await navigator.clipboard.writeText(link.url!);
      setCopied(words.copied(who));
    } catch {
      setCopied(t.common.copyBlocked);
    }
  };

  if (props.links.length === 0) return <p class="muted small">{words.none}</p>;
  return (
    <>
      <p class="success small" role="status" data-testid="links-status">{copied}</p>
      <div class="table-scroll"><table class="table links reflow">
        <thead><tr>{[words.columns.person, words.columns.touchpoint, words.columns.expires, words.columns.answered, words.columns.link].map((name) => <th key={name} scope="col">{name}</th>)}</tr></thead>
        <tbody>
          {props.links.map((link) => {
            const who = link.email ?? link.userId ?? link.id;
            return (
              <tr key={link.id} data-link-id={link.id}>
                <th scope="row" data-label={words.columns.person}>{who}</th>
                <td data-label={words.columns.touchpoint}>{fmt.label(link.touchpoint)}</td>
                <td data-label={words.columns.expires}>{fmt.day(link.expiresAt)}</td>
                <td data-label={words.columns.answered}>{link.answered ? words.answered : words.notAnswered}</td>
                <td data-label={words.columns.link}>
                  {link.url ? <button type="button" aria-label={words.copyLabel(who)} onClick={() => void copy(link, who)}>{words.copy}</button> : <span class="muted">{words.expired}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table></div>
    </>
  );
}
