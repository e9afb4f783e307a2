/** Filters of the comments page: group, touchpoint, score and text search, on the survey's own scale. */
import { METRIC_SCALES } from '@npsloop/core';
import { useEffect, useState } from 'preact/hooks';
import { useSession, useSurveyMetric } from '../context.ts';
import { groupNamesOf } from '../i18n/group-names.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Segments } from '../types.ts';
import { useResource } from '../use-resource.ts';

/** The comment filter; empty strings mean "any". */
export interface CommentFilter {
  group: '' | 'detractor' | 'passive' | 'promoter';
  touchpoint: string;
  score: string;
  q: string;
}

const GROUPS = ['detractor', 'passive', 'promoter'] as const;

/** The filter bar; text search applies on submit, the selects at once. */
export function CommentFilters(props: { value: CommentFilter; onChange: (filter: CommentFilter) => void }) {
  const { api, surveyId } = useSession();
  const { t, fmt } = useI18n();
  const metric = useSurveyMetric();
  const { lowest, highest } = METRIC_SCALES[metric];
  const groupNames = groupNamesOf(t, metric, t.comments.groups);
  const [text, setText] = useState(props.value.q);
  const [touchpoint, setTouchpoint] = useState(props.value.touchpoint);
  const [touchpoints] = useResource(
    () => api.get<Segments>(`/v1/surveys/${encodeURIComponent(surveyId)}/segments`, { by: 'touchpoint' }),
    [surveyId],
  );
  const values = touchpoints.status === 'ok' ? touchpoints.data.segments.map((segment) => segment.value).filter((v): v is string => v !== null) : [];
  const set = (patch: Partial<CommentFilter>) => props.onChange({ ...props.value, ...patch });
  // A theme picked elsewhere replaces the search text.
  useEffect(() => setText(props.value.q), [props.value.q]);
  useEffect(() => setTouchpoint(props.value.touchpoint), [props.value.touchpoint]);

  return (
    <form class="filters" role="search" onSubmit={(event) => { event.preventDefault(); set({ q: text, touchpoint: touchpoint.trim() }); }}>
      <label>{t.comments.group}
        <select value={props.value.group} onChange={(e) => set({ group: e.currentTarget.value as CommentFilter['group'] })}>
          <option value="">{t.comments.all}</option>
          {GROUPS.map((group) => <option key={group} value={group}>{groupNames[group]}</option>)}
        </select>
      </label>
      <label>{t.comments.touchpoint}
        {/* Known touchpoints to pick from, or any name typed in (the list comes from the segments report). */}
        <input list="touchpoint-names" value={touchpoint} maxLength={64} placeholder={t.comments.all}
          onInput={(e) => setTouchpoint(e.currentTarget.value)} onChange={(e) => set({ touchpoint: e.currentTarget.value.trim() })} />
        <datalist id="touchpoint-names">
          {values.map((value) => <option key={value} value={value}>{fmt.label(value)}</option>)}
        </datalist>
      </label>
      <label>{t.comments.score}
        <select value={props.value.score} onChange={(e) => set({ score: e.currentTarget.value })}>
          <option value="">{t.comments.any}</option>
          {Array.from({ length: highest - lowest + 1 }, (_, index) => lowest + index).map((score) => <option key={score} value={String(score)}>{score}</option>)}
        </select>
      </label>
      <label class="grow">{t.comments.search}
        <input id="filter-q" type="search" value={text} maxLength={200} placeholder={t.comments.searchPlaceholder} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <button type="submit">{t.comments.searchButton}</button>
    </form>
  );
}
