/** Create or edit a survey; the collector's validation messages are shown as they come. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { formValues, surveyBody, type SurveyFormValues } from '../survey-form.ts';
import type { Survey } from '../types.ts';

/** The survey form; without `survey` it creates one and switches to it. */
export function SurveyForm(props: { survey?: Survey; onSaved?: () => void }) {
  const { api, scope, reloadSurveys } = useSession();
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
      setMessage({ kind: 'success', text: creating ? `Survey "${saved.name}" created.` : 'Saved.' });
      reloadSurveys();
      if (creating) window.location.hash = `#/${encodeURIComponent(saved.id)}/surveys`;
      props.onSaved?.();
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  }

  return (
    <form class="form-grid" onSubmit={save}>
      <fieldset disabled={scope !== 'admin'}>
        {creating && (
          <label for={field('id')}>Id <span class="muted small">(used in the snippet; a–z, 0–9, - _ .)</span>
            <input id={field('id')} value={values.id} required maxLength={64} pattern="[A-Za-z0-9][A-Za-z0-9._\-]*" onInput={(e) => set({ id: e.currentTarget.value })} /></label>
        )}
        <label for={field('name')}>Name<input id={field('name')} value={values.name} required maxLength={200} onInput={(e) => set({ name: e.currentTarget.value })} /></label>
        <label for={field('brand')}>Brand in the question <span class="muted small">(“How likely are you to recommend …”)</span>
          <input id={field('brand')} value={values.brand} maxLength={100} onInput={(e) => set({ brand: e.currentTarget.value })} /></label>
        <label for={field('origins')}>Allowed origins <span class="muted small">(one per line, e.g. https://shop.example)</span>
          <textarea id={field('origins')} rows={3} value={values.origins} onInput={(e) => set({ origins: e.currentTarget.value })} /></label>
        <label for={field('samplingPercent')}>Ask this share of visitors (%)
          <input id={field('samplingPercent')} type="number" min={0} max={100} value={values.samplingPercent} onInput={(e) => set({ samplingPercent: e.currentTarget.value })} /></label>
        <label for={field('resurveyDays')}>Do not ask again for (days)
          <input id={field('resurveyDays')} type="number" min={0} max={3650} value={values.resurveyDays} onInput={(e) => set({ resurveyDays: e.currentTarget.value })} /></label>
        <label class="check"><input type="checkbox" checked={values.active} onChange={(e) => set({ active: e.currentTarget.checked })} /> Active (uncheck to pause)</label>
        <button type="submit" class="primary">{creating ? 'Create survey' : 'Save changes'}</button>
      </fieldset>
      {message && <p class={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
    </form>
  );
}
