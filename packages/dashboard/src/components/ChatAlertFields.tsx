/** The chat-alert part of the webhook form: the body format (Standard Webhooks or a chat message) and, for `huddle.digest`, when the digest is posted. */
import { useI18n } from '../i18n/i18n.ts';
import { viewerTimeZone } from '../i18n/formatter.ts';
import type { DigestSchedule, Webhook } from '../types.ts';

/** The days a digest can go out on, Monday first (as the collector names them). */
export const DIGEST_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** The schedule a new digest starts from: Monday 09:00 in the viewer's time zone, the last 7 days. */
export function defaultDigest(): DigestSchedule {
  return { weekday: 'monday', time: '09:00', timeZone: viewerTimeZone(), days: 7 };
}

/** Format radios, then the digest's day, time, zone and days when `withDigest`. */
export function ChatAlertFields(props: {
  idPrefix: string; format: NonNullable<Webhook['format']>; onFormat: (format: NonNullable<Webhook['format']>) => void;
  withDigest: boolean; digest: DigestSchedule; onDigest: (digest: DigestSchedule) => void; nextDigestAt?: string | null;
}) {
  const { t, fmt } = useI18n();
  const words = t.chatAlerts;
  const id = (field: string) => `${props.idPrefix}-${field}`;
  const set = (change: Partial<DigestSchedule>) => props.onDigest({ ...props.digest, ...change });
  return (
    <>
      <fieldset class="choices">
        <legend>{words.format}</legend>
        {(['standard', 'slack'] as const).map((format) => (
          <label key={format} class="check">
            <input type="radio" name={id('format')} value={format} checked={props.format === format} onChange={() => props.onFormat(format)} />{words.formats[format]}
          </label>
        ))}
      </fieldset>
      {props.withDigest && (
        <fieldset class="choices">
          <legend>{words.digest}</legend>
          <div class="form-grid">
            <label for={id('weekday')}>{words.weekday}
              <select id={id('weekday')} value={props.digest.weekday} onChange={(e) => set({ weekday: e.currentTarget.value })}>
                {DIGEST_WEEKDAYS.map((day) => <option key={day} value={day}>{words.weekdays[day]}</option>)}
              </select></label>
            <label for={id('time')}>{words.time}
              <input id={id('time')} type="time" required value={props.digest.time} onInput={(e) => set({ time: e.currentTarget.value })} /></label>
            <label for={id('zone')}>{words.timeZone}
              <input id={id('zone')} required maxLength={64} value={props.digest.timeZone} onInput={(e) => set({ timeZone: e.currentTarget.value })} /></label>
            <label for={id('days')}>{words.days}
              <input id={id('days')} type="number" min={1} max={92} required value={props.digest.days} onInput={(e) => set({ days: Number(e.currentTarget.value) })} /></label>
          </div>
          {props.nextDigestAt && <p class="muted small">{words.next(fmt.dateTime(props.nextDigestAt))}</p>}
        </fieldset>
      )}
    </>
  );
}
