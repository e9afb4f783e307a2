/** Create, edit or delete a journey: its name and its steps in order, each a touchpoint or journey value and the surveys that measure it. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import { blankStep, journeyBody, journeyValues, MAX_STEPS, moveStep, toggleSurvey, type JourneyFormValues, type StepKind, type StepValues } from '../journey-form.ts';
import type { JourneyDefinition } from '../journey-types.ts';
import { useSubmit } from '../use-submit.ts';
import { Confirm } from './Confirm.tsx';
import { ErrorText } from './ErrorText.tsx';

/**
 * The journey editor; without `journey` it creates one. `onSaved` gets the saved journey's id, `onDeleted` is called
 * after a delete. The collector's validation messages are shown as they come (they name the step and field).
 */
export function JourneyForm(props: { journey?: JourneyDefinition; onSaved: (id: string) => void; onDeleted?: () => void }) {
  const { api, surveys, surveyId } = useSession();
  const { t } = useI18n();
  const words = t.journey.form;
  const creating = !props.journey;
  const [values, setValues] = useState<JourneyFormValues>(() => journeyValues(props.journey, surveyId));
  const [saved, setSaved] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useSubmit();
  const prefix = `journey-${props.journey?.id ?? 'new'}`;
  const surveyIds = surveys.map((survey) => survey.id);

  const setSteps = (steps: StepValues[]) => setValues({ ...values, steps });
  const setStep = (index: number, patch: Partial<StepValues>) => setSteps(values.steps.map((step, at) => (at === index ? { ...step, ...patch } : step)));

  function save(event: Event) {
    event.preventDefault();
    setSaved(null);
    void run(async () => {
      const body = journeyBody(values, creating);
      const journey = creating
        ? await api.send<JourneyDefinition>('POST', '/v1/journeys', body)
        : await api.send<JourneyDefinition>('PUT', `/v1/journeys/${encodeURIComponent(props.journey!.id)}`, body);
      setSaved(creating ? words.created(journey.name) : words.saved);
      props.onSaved(journey.id);
    });
  }

  const remove = () => run(async () => {
    await api.send('DELETE', `/v1/journeys/${encodeURIComponent(props.journey!.id)}`);
    setConfirming(false);
    props.onDeleted?.();
  });

  return (
    <form class="journey-form" onSubmit={save}>
      <div class="form-grid">
        {creating && (
          <label for={`${prefix}-id`}>{words.id} <span class="muted small">{words.idHint}</span>
            <input id={`${prefix}-id`} value={values.id} required maxLength={64} pattern="[a-z0-9][a-z0-9._\-]*" onInput={(e) => setValues({ ...values, id: e.currentTarget.value })} /></label>
        )}
        <label for={`${prefix}-name`}>{words.name}
          <input id={`${prefix}-name`} value={values.name} required maxLength={100} onInput={(e) => setValues({ ...values, name: e.currentTarget.value })} /></label>
      </div>
      <ol class="journey-steps">
        {values.steps.map((step, index) => {
          const id = `${prefix}-step-${index}`;
          const number = index + 1;
          return (
            <li key={step.uid}>
              <fieldset>
                <legend>{words.step(number)}</legend>
                <div class="form-grid">
                  <label for={`${id}-name`}>{words.stepName}
                    <input id={`${id}-name`} value={step.name} required maxLength={60} onInput={(e) => setStep(index, { name: e.currentTarget.value })} /></label>
                  <label for={`${id}-kind`}>{words.countsBy}
                    <select id={`${id}-kind`} value={step.kind} onChange={(e) => setStep(index, { kind: e.currentTarget.value as StepKind })}>
                      <option value="touchpoint">{words.byTouchpoint}</option>
                      <option value="journey">{words.byJourney}</option>
                    </select></label>
                  <label for={`${id}-key`}>{step.kind === 'touchpoint' ? words.touchpointValue : words.journeyValue} <span class="muted small">{words.valueHint}</span>
                    <input id={`${id}-key`} value={step.key} required maxLength={64} pattern="[a-z0-9][a-z0-9._\-]*" onInput={(e) => setStep(index, { key: e.currentTarget.value })} /></label>
                </div>
                <fieldset class="journey-step-surveys">
                  <legend>{words.surveys(number)}</legend>
                  {surveys.map((survey) => (
                    <label class="check" key={survey.id}>
                      <input type="checkbox" checked={step.surveys.includes(survey.id)}
                        onChange={(e) => setStep(index, { surveys: toggleSurvey(step.surveys, survey.id, e.currentTarget.checked, surveyIds) })} /> {survey.name}
                    </label>
                  ))}
                </fieldset>
                <div class="row">
                  <button type="button" disabled={index === 0} onClick={() => setSteps(moveStep(values.steps, index, -1))} aria-label={words.moveUp(number)}>{words.up}</button>
                  <button type="button" disabled={index === values.steps.length - 1} onClick={() => setSteps(moveStep(values.steps, index, 1))} aria-label={words.moveDown(number)}>{words.down}</button>
                  <button type="button" disabled={values.steps.length === 1} onClick={() => setSteps(values.steps.filter((_, at) => at !== index))} aria-label={words.removeStep(number)}>{words.remove}</button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" disabled={values.steps.length >= MAX_STEPS} onClick={() => setSteps([...values.steps, blankStep(surveyId)])}>{words.addStep}</button>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>{creating ? words.create : words.save}</button>
        {!creating && <button type="button" class="danger" aria-expanded={confirming} onClick={() => setConfirming(!confirming)}>{words.delete}</button>}
        {saved && <p class="success" role="status">{saved}</p>}
        <ErrorText error={error} />
      </div>
      {confirming && (
        <Confirm label={words.delete} confirm={words.delete} busy={busy} onConfirm={() => void remove()} onCancel={() => setConfirming(false)}>
          <p>{words.confirmDelete(props.journey!.name)}</p>
        </Confirm>
      )}
    </form>
  );
}
