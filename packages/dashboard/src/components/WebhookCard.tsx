/** One webhook in the list: its address, events, survey, format and digest schedule (with the next digest), with a test message, the delivery log, Pause/Resume, Edit and Delete. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Delivery, Webhook } from '../types.ts';
import { useSubmit } from '../use-submit.ts';
import { Confirm } from './Confirm.tsx';
import { DeliveryLog } from './DeliveryLog.tsx';
import { ErrorText } from './ErrorText.tsx';
import { WebhookForm } from './WebhookForm.tsx';

/** The card; `onChanged` hears what was done (saved, deleted) so the list can reload and say so. */
export function WebhookCard(props: { webhook: Webhook; onChanged: (done: 'saved' | 'removed' | 'paused' | 'resumed') => void }) {
  const { api, surveys } = useSession();
  const { t, fmt } = useI18n();
  const words = t.webhooks;
  const chat = t.chatAlerts;
  const { webhook } = props;
  const [open, setOpen] = useState<'log' | 'edit' | 'remove' | null>(null);
  // The test message the log follows until it has been sent.
  const [testId, setTestId] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const path = `/v1/webhooks/${encodeURIComponent(webhook.id)}`;
  const surveyName = webhook.surveyId === null ? words.allSurveys : surveys.find((survey) => survey.id === webhook.surveyId)?.name ?? webhook.surveyId;
  const toggle = (what: 'log' | 'edit') => setOpen(open === what ? null : what);

  const sendTest = () => run(async () => {
    const delivery = await api.send<Delivery>('POST', `${path}/test`);
    setTestId(delivery.id);
    setOpen('log');
  });
  const setPaused = (paused: boolean) => run(async () => {
    await api.send<Webhook>('PATCH', path, { paused });
    props.onChanged(paused ? 'paused' : 'resumed');
  });
  const remove = () => run(async () => {
    await api.send('DELETE', path);
    props.onChanged('removed');
  });

  return (
    <li class="webhook" data-webhook-id={webhook.id}>
      <h3><code>{webhook.url}</code>{webhook.paused && <span class="badge paused">{words.pausedBadge}</span>}</h3>
      {webhook.description && <p>{webhook.description}</p>}
      <dl class="facts">
        <div><dt>{words.columns.events}</dt><dd>{webhook.events.map((event) => <code key={event} class="tag">{event}</code>)}</dd></div>
        <div><dt>{words.columns.survey}</dt><dd>{surveyName}</dd></div>
        <div><dt>{words.columns.created}</dt><dd>{fmt.dateTime(webhook.createdAt)}</dd></div>
        {webhook.pausedAt && <div><dt>{words.columns.paused}</dt><dd>{fmt.dateTime(webhook.pausedAt)}</dd></div>}
        {webhook.format && <div><dt>{chat.format}</dt><dd>{chat.formats[webhook.format]}</dd></div>}
        {webhook.digest && (
          <div>
            <dt>{chat.digest}</dt>
            <dd>
              {`${chat.weekdays[webhook.digest.weekday as keyof typeof chat.weekdays] ?? webhook.digest.weekday} ${webhook.digest.time} (${webhook.digest.timeZone}), ${chat.days.toLowerCase()}: ${webhook.digest.days}`}
              {webhook.nextDigestAt && !webhook.paused && <span class="small muted" data-testid="next-digest"><br />{chat.next(fmt.dateTime(webhook.nextDigestAt))}</span>}
            </dd>
          </div>
        )}
      </dl>
      {webhook.paused && <p class="small muted" data-testid="paused-note">{words.pausedNote}</p>}
      <div class="row">
        <button type="button" aria-label={words.testLabel(webhook.url)} disabled={busy} onClick={() => void sendTest()}>{words.test}</button>
        <button type="button" aria-expanded={open === 'log'} onClick={() => toggle('log')}>{open === 'log' ? words.hideLog : words.log}</button>
        {/* Not disabled while busy: a disabled button drops the keyboard focus, which should stay here to toggle back. */}
        <button type="button" aria-label={(webhook.paused ? words.resumeLabel : words.pauseLabel)(webhook.url)}
          onClick={() => { if (!busy) void setPaused(!webhook.paused); }}>{webhook.paused ? words.resume : words.pause}</button>
        <button type="button" aria-label={words.editLabel(webhook.url)} aria-expanded={open === 'edit'} onClick={() => toggle('edit')}>{words.edit}</button>
        <button type="button" aria-label={words.removeLabel(webhook.url)} onClick={() => setOpen('remove')}>{words.remove}</button>
      </div>
      <ErrorText error={error} />
      {testId && open === 'log' && <p class="small muted">{words.testQueued}</p>}
      {open === 'remove' && (
        <Confirm label={words.removeLabel(webhook.url)} confirm={words.confirm} busy={busy} onConfirm={() => void remove()} onCancel={() => setOpen(null)}>
          <p>{words.confirmRemove(webhook.url)}</p>
        </Confirm>
      )}
      {open === 'edit' && <WebhookForm webhook={webhook} onSaved={() => { setOpen(null); props.onChanged('saved'); }} onCancel={() => setOpen(null)} />}
      {open === 'log' && <DeliveryLog key={testId ?? 'log'} webhook={webhook} follow={testId} />}
    </li>
  );
}
