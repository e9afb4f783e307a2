/** Changes the retention period: keep until erased, or clear after N days; a period that clears data at once needs the "cannot be undone" tick. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { PrivacySettings } from '../types.ts';
import { useSubmit } from '../use-submit.ts';
import { ErrorText } from './ErrorText.tsx';

const MAX_DAYS = 36_500;

/** The form; `onSaved` gets the settings the collector now holds. */
export function RetentionForm(props: { settings: PrivacySettings; onSaved: (settings: PrivacySettings) => void }) {
  const { api } = useSession();
  const { t, fmt } = useI18n();
  const words = t.privacy;
  const current = props.settings.retentionDays;
  const [limited, setLimited] = useState(current !== null);
  const [days, setDays] = useState(String(current ?? 365));
  const [understood, setUnderstood] = useState(false);
  const { busy, error, run } = useSubmit();
  const wanted = limited ? Number(days) : null;
  const valid = wanted === null || (Number.isInteger(wanted) && wanted >= 1 && wanted <= MAX_DAYS);
  // Turning retention on, or shortening it, clears comments at once: that needs the tick.
  const clears = wanted !== null && (current === null || wanted < current);
  const changed = wanted !== current;

  const save = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      props.onSaved(await api.send<PrivacySettings>('PATCH', '/v1/privacy', { retentionDays: wanted }));
      setUnderstood(false);
    });
  };

  return (
    <form class="retention-form" onSubmit={save}>
      <fieldset disabled={busy}>
        <fieldset class="choices">
          <legend>{words.retentionChoice}</legend>
          <label class="check"><input type="radio" name="retention" checked={!limited} onChange={() => setLimited(false)} />{words.keepAll}</label>
          <label class="check"><input type="radio" name="retention" checked={limited} onChange={() => setLimited(true)} />{words.keepDays}</label>
        </fieldset>
        {limited && (
          <label for="retention-days">{words.daysField} <span class="muted small">{words.daysHint}</span>
            <input id="retention-days" type="number" inputMode="numeric" min={1} max={MAX_DAYS} step={1} required value={days}
              onInput={(e) => { setDays(e.currentTarget.value); setUnderstood(false); }} /></label>
        )}
        {clears && valid && (
          <>
            <p class="notice warning" data-testid="purge-warning">{words.purgeWarning(fmt.count(wanted))}</p>
            <label class="check"><input type="checkbox" checked={understood} required onChange={(e) => setUnderstood(e.currentTarget.checked)} />{words.understandPurge}</label>
          </>
        )}
        <div class="form-actions">
          <button type="submit" class={clears ? 'danger' : undefined} disabled={!changed || !valid || (clears && !understood)}>{words.saveRetention}</button>
        </div>
      </fieldset>
      <ErrorText error={error} />
    </form>
  );
}
