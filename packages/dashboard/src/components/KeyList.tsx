/** The API keys as a table: name, scope, created, last used (never a secret), each with Revoke behind a confirmation. */
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { ApiKey } from '../types.ts';
import { useSubmit } from '../use-submit.ts';
import { Confirm } from './Confirm.tsx';
import { ErrorText } from './ErrorText.tsx';

/** The table, newest key first; `onRevoked` is told which key went once the collector confirms it. */
export function KeyList(props: { keys: ApiKey[]; onRevoked: (key: ApiKey) => void }) {
  const { api, me } = useSession();
  const { t, fmt } = useI18n();
  const words = t.keys;
  const columns = words.columns;
  const [confirming, setConfirming] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const nameOf = (key: ApiKey) => key.name ?? key.id;
  const revoke = (key: ApiKey) => run(async () => {
    await api.send('DELETE', `/v1/keys/${encodeURIComponent(key.id)}`);
    setConfirming(null);
    props.onRevoked(key);
  });

  if (props.keys.length === 0) return <p class="muted small">{words.none}</p>;
  return (
    <>
      <ErrorText error={error} />
      <div class="table-scroll"><table class="table keys reflow">
        <thead><tr>
          <th scope="col">{columns.name}</th><th scope="col">{columns.scope}</th><th scope="col">{columns.created}</th>
          <th scope="col">{columns.lastUsed}</th><th scope="col"><span class="visually-hidden">{columns.revoke}</span></th>
        </tr></thead>
        <tbody>
          {[...props.keys].reverse().map((key) => (
            <Fragment key={key.id}>
              <tr data-key-id={key.id}>
                <th scope="row">
                  {key.name ?? <span class="muted">{words.noName}</span>}
                  {key.id === me.id && <span class="badge yours">{words.yours}</span>}
                  <br /><code class="small muted">{key.id}</code>
                </th>
                <td data-label={columns.scope}><span class={`scope ${key.scope}`}>{words.scopeName[key.scope]}</span></td>
                <td data-label={columns.created}>{fmt.timestamp(key.createdAt)}</td>
                <td data-label={columns.lastUsed}>{key.lastUsedAt ? fmt.timestamp(key.lastUsedAt) : <span class="muted">{words.never}</span>}</td>
                <td class="end">
                  <button type="button" aria-label={words.revokeLabel(nameOf(key))} aria-expanded={confirming === key.id}
                    onClick={() => setConfirming(confirming === key.id ? null : key.id)}>{words.revoke}</button>
                </td>
              </tr>
              {confirming === key.id && (
                <tr class="confirm-row">
                  <td colSpan={5}>
                    <Confirm label={words.revokeLabel(nameOf(key))} confirm={words.confirm} busy={busy} onConfirm={() => void revoke(key)} onCancel={() => setConfirming(null)}>
                      <p>{words.confirmRevoke(nameOf(key))}</p>
                      {key.id === me.id && <p class="strong">{words.confirmOwn}</p>}
                    </Confirm>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table></div>
    </>
  );
}
