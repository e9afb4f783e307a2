/** Pure helpers of the surveys page: form values to API bodies, and the embed snippet. */
import type { Metric, Survey } from './types.ts';

/** The editable fields as form strings. */
export interface SurveyFormValues {
  id: string;
  name: string;
  brand: string;
  origins: string;
  samplingPercent: string;
  resurveyDays: string;
  active: boolean;
  metric: Metric;
}

/** Form values for a survey (or a blank new one). */
export function formValues(survey?: Survey): SurveyFormValues {
  return {
    id: survey?.id ?? '',
    name: survey?.name ?? '',
    brand: survey?.brand ?? '',
    origins: (survey?.allowedOrigins ?? []).join('\n'),
    samplingPercent: String(Math.round((survey?.sampling ?? 1) * 100)),
    resurveyDays: String(survey?.resurveyDays ?? 90),
    active: survey?.active ?? true,
    metric: survey?.metric ?? 'nps',
  };
}

/** The create/patch body: origins one per line, sampling from a percentage; the collector validates the rest. */
export function surveyBody(values: SurveyFormValues, creating: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    name: values.name.trim(),
    allowedOrigins: values.origins.split(/[\n,]/).map((origin) => origin.trim()).filter(Boolean),
    sampling: Number(values.samplingPercent) / 100,
    resurveyDays: Number(values.resurveyDays),
    active: values.active,
    metric: values.metric,
  };
  const brand = values.brand.trim();
  if (brand) body.brand = brand;
  else if (!creating) body.brand = null;
  if (creating) body.id = values.id.trim();
  return body;
}

/** The embed snippet for a survey when widget.js comes from the collector at `origin`: only `data-survey` is needed. */
export function embedSnippet(origin: string, surveyId: string): string {
  return `<script async src="${origin}/widget.js" data-survey="${escapeAttribute(surveyId)}"></script>`;
}

/** The snippet when the site serves widget.js itself (`scriptSrc`): `data-collector` says where the collector is. */
export function selfHostedSnippet(origin: string, surveyId: string, scriptSrc: string): string {
  return `<script async src="${scriptSrc}" data-survey="${escapeAttribute(surveyId)}" data-collector="${origin}"></script>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (char) => `&#${char.charCodeAt(0)};`);
}
