/** Pure helpers of the journey editor: a journey as form values, the steps' moves, and the API body. */
import type { JourneyDefinition } from './journey-types.ts';

/** What a step counts: the answers of one touchpoint, or of one journey value. */
export type StepKind = 'touchpoint' | 'journey';

/** One step as the form holds it; `uid` keeps a step's controls (and the focus) with it when steps move. */
export interface StepValues {
  uid: number;
  name: string;
  kind: StepKind;
  key: string;
  surveys: string[];
}

/** The editable journey. */
export interface JourneyFormValues {
  id: string;
  name: string;
  steps: StepValues[];
}

/** The most steps the collector takes (`JOURNEY_LIMITS.steps`). */
export const MAX_STEPS = 12;

let lastUid = 0;

/** A blank step measured by `surveyId` (the survey in view), counting a touchpoint. */
export function blankStep(surveyId: string | null): StepValues {
  return { uid: ++lastUid, name: '', kind: 'touchpoint', key: '', surveys: surveyId ? [surveyId] : [] };
}

/** Form values for a journey, or a new one with one blank step. */
export function journeyValues(journey: JourneyDefinition | undefined, surveyId: string | null): JourneyFormValues {
  if (!journey) return { id: '', name: '', steps: [blankStep(surveyId)] };
  return {
    id: journey.id,
    name: journey.name,
    steps: journey.steps.map((step) => ({
      uid: ++lastUid, name: step.name, kind: step.touchpoint !== undefined ? 'touchpoint' : 'journey', key: step.touchpoint ?? step.journey ?? '', surveys: [...step.surveys],
    })),
  };
}

/** The steps with the one at `index` moved by `by` places (kept in range). */
export function moveStep(steps: readonly StepValues[], index: number, by: -1 | 1): StepValues[] {
  const target = index + by;
  if (target < 0 || target >= steps.length) return [...steps];
  const moved = [...steps];
  [moved[index], moved[target]] = [moved[target], moved[index]];
  return moved;
}

/** The survey ids of a step with `surveyId` ticked or not, in the order of `all` (the order the surveys are listed). */
export function toggleSurvey(chosen: readonly string[], surveyId: string, on: boolean, all: readonly string[]): string[] {
  const next = new Set(chosen);
  if (on) next.add(surveyId);
  else next.delete(surveyId);
  return [...all.filter((id) => next.has(id)), ...[...next].filter((id) => !all.includes(id))];
}

/** The `POST /v1/journeys` body (with the id) or the `PUT` one; names trimmed, the collector validates the rest. */
export function journeyBody(values: JourneyFormValues, creating: boolean) {
  const steps = values.steps.map((step) => ({ name: step.name.trim(), [step.kind]: step.key.trim(), surveys: step.surveys }));
  return creating ? { id: values.id.trim(), name: values.name.trim(), steps } : { name: values.name.trim(), steps };
}
