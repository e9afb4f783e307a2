/** Privacy: erase everything about one respondent (by email or user id), and the retention in force, changed here unless the collector's flag sets it. */
import { useState } from 'preact/hooks';
import { LIMITS } from '@npsloop/core';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { RetentionForm } from '../../components/RetentionForm.tsx';
import { useSession } from '../../context.ts';
import { fill } from '../../i18n/fill.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { Erasure, PrivacySettings } from '../../types.ts';
import { useResource } from '../../use-resource.ts';
import { useSubmit } from '../../use-submit.ts';

type Key = 'email' | 'userId';

/** The privacy section of the settings page; erasing needs an explicit "cannot be undone" tick. */
export function Privacy() {
  const { api } = useSession();
  const { t, fmt } = useI18n();
  const words = t.privacy;
  const [by, setBy] = useState<Key>('email');
  const [value, setValue] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [report, setReport] = useState<Erasure | null>(null);
  const { busy, error, run } = useSubmit();
  const [settings, reload] = useResource(() => api.get<PrivacySettings>('/v1/privacy'), [api]);
  const [retentionSaved, setRetentionSaved] = useState(false);

  const erase = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const body = await api.send<{ erased: Erasure }>('DELETE', `/v1/respondents?${new URLSearchParams({ [by]: value.trim() })}`);
      setReport(body.erased);
      setValue('');
      setUnderstood(false);
    });
  };
  const count = (n: number) => fmt.count(n);
  const flagParts = { flag: <code>--retention-days</code>, env: <code>NPSLOOP_RETENTION_DAYS</code> };

  return (
    <>
      <article class="card">
        <h2>{words.erase}</h2>
        <p>{words.intro}</p>
        <form class="erase-form" onSubmit={erase}>
          <fieldset disabled={busy}>
            <fieldset class="choices inline">
              <legend>{words.by}</legend>
              <label class="check"><input type="radio" name="erase-by" checked={by === 'email'} onChange={() => setBy('email')} />{words.byEmail}</label>
              <label class="check"><input type="radio" name="erase-by" checked={by === 'userId'} onChange={() => setBy('userId')} />{words.byUserId}</label>
            </fieldset>
            <label for="erase-value">{words.value[by]}
              <input id="erase-value" type={by === 'email' ? 'email' : 'text'} required maxLength={by === 'email' ? LIMITS.emailMaxLength : LIMITS.userIdMaxLength} value={value}
                autoComplete="off" onInput={(e) => { setValue(e.currentTarget.value); setReport(null); }} /></label>
            <label class="check"><input type="checkbox" checked={understood} required onChange={(e) => setUnderstood(e.currentTarget.checked)} />{words.understand}</label>
            <div class="form-actions">
              <button type="submit" class="danger" disabled={!understood || value.trim() === ''}>{words.submit}</button>
            </div>
          </fieldset>
        </form>
        <ErrorText error={error} />
        {report && (
          <p class="success" role="status" data-testid="erased">
            {report.responses === 0 ? words.nothing
              : words.result(count(report.responses), count(report.loops), count(report.notes), count(report.actionLinks), count(report.webhookDeliveries))}
          </p>
        )}
      </article>
      <article class="card">
        <h2>{words.retention}</h2>
        <Loaded resource={settings} what={words.what}>
          {(data) => (
            <>
              <p data-testid="retention">{data.retentionDays === null ? words.retentionOff : words.retentionDays(count(data.retentionDays))}</p>
              {retentionSaved && <p class="success small" role="status">{words.retentionSaved}</p>}
              {data.source === 'flag' ? (
                <p class="notice" data-testid="retention-flag">
                  {fill(words.retentionFlag, flagParts)}
                  {data.stored !== null && <> {words.retentionStored(count(data.stored))}</>}
                </p>
              ) : (
                <>
                  <RetentionForm key={String(data.retentionDays)} settings={data} onSaved={() => { setRetentionSaved(true); reload(); }} />
                  <p class="muted small">{fill(words.retentionNote, flagParts)}</p>
                </>
              )}
            </>
          )}
        </Loaded>
      </article>
    </>
  );
}
