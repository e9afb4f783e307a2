/** Create or edit a survey; the collector's validation messages are shown as they come. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { errorText } from '../i18n/error-text.ts';
import { useI18n } from '../i18n/i18n.ts';
import { formValues, surveyBody, type SurveyFormValues } from '../survey-form.ts';
import type { Metric, Survey } from '../types.ts';

const METRICS = ['nps', 'csat', 'ces'] as const;

/** The survey form; without `survey` it creates one and switches to it. The submit button closes the whole form, under every field. */
export function SurveyForm(props: { survey?: Survey; onSaved?: () => void }) {
  const { api, scope, reloadSurveys } = useSession();
  const { t } = useI18n();
  const words = t.surveys.form;
  const creating = !props.survey;
  const [values, setValues] = useState<SurveyFormValues>(formValues(props.survey));
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const set = (patch: Partial<SurveyFormValues>) => setValues({ ...values, ...patch });
  const field = (name: keyof SurveyFormValues) => `survey-${props.survey?.id ?? 'new'}-${name}`;

  async function save(event: Event) {
    event.preventDefault();
    try {
      const body = surveyBody(values, creating);
      const saved = creating
        ? await api.send<Survey>('POST', '/v1/surveys', body)
        : await api.send<Survey>('PATCH', `/v1/surveys/${encodeURIComponent(props.survey!.id)}`, body);
      setMessage({ kind: 'success', text: creating ? words.created(saved.name) : words.saved });
      reloadSurveys();
      if (creating) window.location.hash = `#/${encodeURIComponent(saved.id)}/surveys`;
      props.onSaved?.();
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error, t) });
    }
  }

  return (
    <form class="survey-form" onSubmit={save}>
      <fieldset disabled={scope !== 'admin'}>
        <div class="form-grid">
          {creating && (
            <label for={field('id')}>{words.id} <span class="muted small">{words.idHint}</span>
              <input id={field('id')} value={values.id} required maxLength={64} pattern="[A-Za-z0-9][A-Za-z0-9._\-]*" onInput={(e) => set({ id: e.currentTarget.value })} /></label>
          )}
          <label for={field('name')}>{words.name}<input id={field('name')} value={values.name} required maxLength={200} onInput={(e) => set({ name: e.currentTarget.value })} /></label>
          <label for={field('brand')}>{words.brand} <span class="muted small">{words.brandHint}</span>
            <input id={field('brand')} value={values.brand} maxLength={100} onInput={(e) => set({ brand: e.currentTarget.value })} /></label>
          <label for={field('origins')}>{words.origins} <span class="muted small">{words.originsHint}</span>
            <textarea id={field('origins')} rows={3} value={values.origins} onInput={(e) => set({ origins: e.currentTarget.value })} /></label>
          <label for={field('samplingPercent')}>{words.sampling}
            <input id={field('samplingPercent')} type="number" min={0} max={100} value={values.samplingPercent} onInput={(e) => set({ samplingPercent: e.currentTarget.value })} /></label>
          <label for={field('resurveyDays')}>{words.resurvey}
            <input id={field('resurveyDays')} type="number" min={0} max={3650} value={values.resurveyDays} onInput={(e) => set({ resurveyDays: e.currentTarget.value })} /></label>
          <label for={field('metric')}>{t.metric.field} <span class="muted small">{t.metric.fieldHint}</span>
            <select id={field('metric')} value={values.metric} onChange={(e) => set({ metric: e.currentTarget.value as Metric })}>
              {METRICS.map((metric) => <option key={metric} value={metric}>{t.metric.names[metric]}</option>)}
            </select></label>
          <label class="check"><input type="checkbox" checked={values.active} onChange={(e) => set({ active: e.currentTarget.checked })} /> {words.active}</label>
        </div>
        <div class="form-actions">
          <button type="submit" class="primary">{creating ? words.create : words.save}</button>
          {message && <p class={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
        </div>
      </fieldset>
    </form>
  );
}
