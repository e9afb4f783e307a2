/** A webhook's delivery log, newest first: what was sent, whether it arrived, and when the next automatic attempt is. */
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Delivery, Webhook } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { Loaded } from './Loaded.tsx';

/** The log as a table with a refresh button. */
export function DeliveryLog(props: { webhook: Webhook }) {
  const { api } = useSession();
  const { t, fmt } = useI18n();
  const words = t.webhooks;
  const columns = words.deliveryColumns;
  const [log, reload] = useResource(
    () => api.get<{ deliveries: Delivery[] }>(`/v1/webhooks/${encodeURIComponent(props.webhook.id)}/deliveries`, { limit: 50 }),
    [props.webhook.id],
  );
  return (
    <section class="delivery-log" aria-label={words.logOf(props.webhook.url)}>
      <div class="card-head">
        <h4>{words.log}</h4>
        <button type="button" class="small" onClick={reload}>{words.refresh}</button>
      </div>
      <Loaded resource={log} what={words.what.deliveries}>
        {(data) => data.deliveries.length === 0 ? <p class="muted small">{words.noDeliveries}</p> : (
          <div class="table-scroll"><table class="table small reflow">
            <thead><tr>
              <th scope="col">{columns.event}</th><th scope="col">{columns.state}</th><th scope="col" class="num">{columns.attempts}</th>
              <th scope="col">{columns.status}</th><th scope="col">{columns.next}</th><th scope="col">{columns.created}</th>
            </tr></thead>
            <tbody>
              {data.deliveries.map((delivery) => (
                <tr key={delivery.id} data-state={delivery.state}>
                  <td data-label={columns.event}><code>{delivery.type}</code></td>
                  <td data-label={columns.state}><span class={`state delivery-${delivery.state}`}>{words.deliveryState[delivery.state]}</span></td>
                  <td data-label={columns.attempts} class="num">{fmt.count(delivery.attempts)}</td>
                  <td data-label={columns.status}>{delivery.lastStatus ?? delivery.lastError ?? '–'}</td>
                  <td data-label={columns.next}>{delivery.state === 'pending' && delivery.nextAttemptAt ? fmt.dateTime(delivery.nextAttemptAt) : '–'}</td>
                  <td data-label={columns.created}>{fmt.dateTime(delivery.createdAt)}</td>
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
