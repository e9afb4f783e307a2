/** How a delivery someone is waiting for went, in words, announced to screen readers when it changes. */
import { useI18n } from '../i18n/i18n.ts';
import type { Delivery } from '../types.ts';

/** True while a delivery followed since it had `attemptsBefore` attempts has not been attempted again (a test message just sent, a delivery just retried). */
export function isSending(delivery: Delivery, attemptsBefore: number): boolean {
  return delivery.state === 'pending' && delivery.attempts <= attemptsBefore;
}

/** "Sending…", then delivered with the endpoint's status, not delivered with the reason, or when the next attempt is. */
export function DeliveryOutcome(props: { delivery: Delivery | undefined; attemptsBefore: number }) {
  const { t, fmt } = useI18n();
  const words = t.webhooks.outcome;
  const { delivery } = props;
  let text = words.waiting;
  let kind = 'muted';
  if (delivery?.state === 'succeeded') {
    text = words.succeeded(String(delivery.lastStatus));
    kind = 'success';
  } else if (delivery?.state === 'failed') {
    text = words.failed(delivery.lastError ?? `HTTP ${delivery.lastStatus}`);
    kind = 'error';
  } else if (delivery && !isSending(delivery, props.attemptsBefore) && delivery.nextAttemptAt) {
    text = words.later(fmt.dateTime(delivery.nextAttemptAt));
  }
  return <p class={`${kind} small`} role="status" data-testid="delivery-outcome">{text}</p>;
}
