/** Compares two segments with the collector's significance test. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Comparison } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { ChangeLine } from './ChangeLine.tsx';
import { Loaded } from './Loaded.tsx';

/** The dimensions segments can be compared by. */
export type Dimension = 'touchpoint' | 'channel' | 'journey' | 'locale';

/** Two selects and the verdict: difference B − A, p, significant or not. */
export function CompareSegments(props: { by: Dimension; values: readonly string[] }) {
  const { api, surveyId } = useSession();
  const { t, fmt } = useI18n();
  const [a, setA] = useState(props.values[0] ?? '');
  const [b, setB] = useState(props.values[1] ?? '');
  const ready = a !== '' && b !== '' && a !== b;
  const [result] = useResource(
    () => (ready ? api.get<Comparison>(`/v1/surveys/${encodeURIComponent(surveyId)}/compare`, { [`a.${props.by}`]: a, [`b.${props.by}`]: b }) : Promise.resolve(null)),
    [surveyId, props.by, a, b],
  );
  const select = (label: string, value: string, set: (value: string) => void) => (
    <label>{label}
      <select value={value} onChange={(e) => set(e.currentTarget.value)}>
        {props.values.map((item) => <option key={item} value={item}>{fmt.label(item)}</option>)}
      </select>
    </label>
  );
  return (
    <article class="card">
      <h2>{t.touchpoints.compareTwo[props.by]}</h2>
      <div class="filters">{select(t.touchpoints.sideA, a, setA)}{select(t.touchpoints.sideB, b, setB)}</div>
      {!ready ? <p class="muted small">{t.touchpoints.pickTwo}</p> : (
        <Loaded resource={result} what={t.touchpoints.what.comparison}>
          {(data) => data && <ChangeLine comparison={data} kind="segment" template={t.touchpoints.segmentResult} parts={{ a: fmt.label(a), b: fmt.label(b) }} testId="compare-result"
            sides={(figure) => t.touchpoints.sideFigure(fmt.figure(figure), fmt.n(figure.n), fmt.interval(figure))} />}
        </Loaded>
      )}
    </article>
  );
}
