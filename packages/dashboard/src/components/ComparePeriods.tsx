/** Compares any two periods with the collector's significance test. */
import { useState } from 'preact/hooks';
import { useSession } from '../context.ts';
import { formatInterval, formatN, formatNps, formatP, viewerTimeZone } from '../format.ts';
import { changeWording, periodPair } from '../periods.ts';
import type { Comparison } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { Loaded } from './Loaded.tsx';

const day = (iso: string) => iso.slice(0, 10);

/** Four date fields (A and B, `to` exclusive, days in the viewer's zone) and the verdict on B − A. */
export function ComparePeriods() {
  const { api, surveyId } = useSession();
  const [initial] = useState(() => periodPair(30, Date.now()));
  const [range, setRange] = useState({ aFrom: day(initial.previous.from), aTo: day(initial.previous.to), bFrom: day(initial.current.from), bTo: day(initial.current.to) });
  const ready = range.aFrom < range.aTo && range.bFrom < range.bTo;
  const [result] = useResource(
    () => (ready ? api.get<Comparison>(`/v1/surveys/${encodeURIComponent(surveyId)}/compare`, { ...range, tz: viewerTimeZone() }) : Promise.resolve(null)),
    [surveyId, range.aFrom, range.aTo, range.bFrom, range.bTo],
  );
  const field = (key: keyof typeof range, label: string) => (
    <label>{label}<input type="date" value={range[key]} required onChange={(e) => setRange({ ...range, [key]: e.currentTarget.value })} /></label>
  );
  return (
    <article class="card">
      <h2>Compare two periods</h2>
      <div class="filters">{field('aFrom', 'A from')}{field('aTo', 'A until (not included)')}{field('bFrom', 'B from')}{field('bTo', 'B until (not included)')}</div>
      {!ready ? <p class="muted small">Each period must end after it starts.</p> : (
        <Loaded resource={result} what="the comparison">
          {(data) => data && (
            <p class={`change ${data.significant ? 'significant' : 'flat'}`} data-testid="compare-periods">
              B {formatNps(data.b.nps)} ({formatN(data.b.n)}, {formatInterval(data.b)}) vs A {formatNps(data.a.nps)} ({formatN(data.a.n)}):{' '}
              <strong>{formatNps(data.difference)}</strong>, {changeWording(data)}
              {data.p !== null && <span class="muted"> ({formatP(data.p)})</span>}
            </p>
          )}
        </Loaded>
      )}
    </article>
  );
}
