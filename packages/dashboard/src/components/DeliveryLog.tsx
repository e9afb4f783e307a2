/** A webhook's delivery log, newest first: what was sent, whether it arrived, when the next automatic attempt is, and Retry for a failed one. */
import { useEffect, useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Delivery, Webhook } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { useSubmit } from '../use-submit.ts';
import { DeliveryOutcome, isSending } from './DeliveryOutcome.tsx';
import { ErrorText } from './ErrorText.tsx';
import { Loaded } from './Loaded.tsx';

/** How often the log asks again while a delivery someone is waiting for is being sent (ms), and for how many rounds at most. */
const FOLLOW_MS = 1000;
const FOLLOW_ROUNDS = 30;

/**
 * The log as a table with a refresh button. `follow` names a delivery someone is waiting for (a test message; give the
 * log a new `key` with it): the log asks again every second until it has been sent, and then says how it went; Retry
 * follows the retried delivery the same way.
 */
export function DeliveryLog(props: { webhook: Webhook; follow?: string | null }) {
  const { api } = useSession();
  const { t, fmt } = useI18n();
  const words = t.webhooks;
  const columns = words.deliveryColumns;
  const path = `/v1/webhooks/${encodeURIComponent(props.webhook.id)}/deliveries`;
  const [log, reload] = useResource(() => api.get<{ deliveries: Delivery[] }>(path, { limit: 50 }), [props.webhook.id]);
  const [followed, setFollowed] = useState<{ id: string; attemptsBefore: number; rounds: number } | null>(props.follow ? { id: props.follow, attemptsBefore: 0, rounds: 0 } : null);
  const { busy, error, run } = useSubmit();
  const watched = log.status === 'ok' && followed ? log.data.deliveries.find((delivery) => delivery.id === followed.id) : undefined;

  // While the followed delivery waits for its attempt, ask again; the worker sends it within a second or two.
  useEffect(() => {
    if (!followed || log.status !== 'ok' || (watched && !isSending(watched, followed.attemptsBefore)) || followed.rounds >= FOLLOW_ROUNDS) return;
    const timer = setTimeout(() => {
      setFollowed({ ...followed, rounds: followed.rounds + 1 });
      reload();
    }, FOLLOW_MS);
    return () => clearTimeout(timer);
  }, [log, followed]);

  const retry = (delivery: Delivery) => run(async () => {
    await api.send('POST', `${path}/${encodeURIComponent(delivery.id)}/retry`);
    setFollowed({ id: delivery.id, attemptsBefore: delivery.attempts, rounds: 0 });
    reload();
  });

  return (
    <section class="delivery-log" aria-label={words.logOf(props.webhook.url)}>
      <div class="card-head">
        <h4>{words.log}</h4>
        <button type="button" class="small" onClick={reload}>{words.refresh}</button>
      </div>
      {followed && <DeliveryOutcome delivery={watched} attemptsBefore={followed.attemptsBefore} />}
      <ErrorText error={error} />
      <Loaded resource={log} what={words.what.deliveries}>
        {(data) => data.deliveries.length === 0 ? <p class="muted small">{words.noDeliveries}</p> : (
          <div class="table-scroll"><table class="table small reflow">
            <thead><tr>
              <th scope="col">{columns.event}</th><th scope="col">{columns.state}</th><th scope="col" class="num">{columns.attempts}</th>
              <th scope="col">{columns.status}</th><th scope="col">{columns.next}</th><th scope="col">{columns.created}</th>
              <th scope="col"><span class="visually-hidden">{words.retry}</span></th>
            </tr></thead>
            <tbody>
              {data.deliveries.map((delivery) => (
                <tr key={delivery.id} data-state={delivery.state} data-delivery-id={delivery.id}>
                  <td data-label={columns.event}><code>{delivery.type}</code></td>
                  <td data-label={columns.state}><span class={`state delivery-${delivery.state}`}>{words.deliveryState[delivery.state]}</span></td>
                  <td data-label={columns.attempts} class="num">{fmt.count(delivery.attempts)}</td>
                  <td data-label={columns.status}>{delivery.lastStatus ?? delivery.lastError ?? '–'}</td>
                  <td data-label={columns.next}>{delivery.state === 'pending' && delivery.nextAttemptAt ? fmt.dateTime(delivery.nextAttemptAt) : '–'}</td>
                  <td data-label={columns.created}>{fmt.dateTime(delivery.createdAt)}</td>
                  <td class="end">{delivery.state === 'failed' && (
                    <button type="button" class="small" disabled={busy} aria-label={words.retryLabel(delivery.type, fmt.dateTime(delivery.createdAt))}
                      onClick={() => void retry(delivery)}>{words.retry}</button>
                  )}</td>
                </tr>
              ))}
            </tbody>
          </table></div>
        )}
      </Loaded>
      <p class="muted small">{words.retryNote}</p>
    </section>
  );
}
