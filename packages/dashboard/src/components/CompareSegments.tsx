/** Compares two segments with the collector's significance test. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { formatInterval, formatN, formatNps, formatP, humanize } from '../format.ts';
import { changeWording } from '../periods.ts';
import type { Comparison } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { Loaded } from './Loaded.tsx';

/** Two selects and the verdict: difference B − A, p, significant or not. */
export function CompareSegments(props: { by: string; values: readonly string[] }) {
  const { api, surveyId } = useSession();
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
        {props.values.map((item) => <option key={item} value={item}>{humanize(item)}</option>)}
      </select>
    </label>
  );
  return (
    <article class="card">
      <h2>Compare two {humanize(props.by)}s</h2>
      <div class="filters">{select('A', a, setA)}{select('B', b, setB)}</div>
      {!ready ? <p class="muted small">Pick two different values.</p> : (
        <Loaded resource={result} what="the comparison">
          {(data) => data && (
            <p class={`change ${data.significant ? 'significant' : 'flat'}`} data-testid="compare-result">
              {humanize(b)} {formatNps(data.b.nps)} ({formatN(data.b.n)}, {formatInterval(data.b)}) vs {humanize(a)} {formatNps(data.a.nps)} ({formatN(data.a.n)}):{' '}
              <strong>{formatNps(data.difference)}</strong>, {changeWording(data).replace('up', 'higher').replace('down', 'lower').replace('change', 'difference')}
              {data.p !== null && <span class="muted"> ({formatP(data.p)})</span>}
            </p>
          )}
        </Loaded>
      )}
    </article>
  );
}
