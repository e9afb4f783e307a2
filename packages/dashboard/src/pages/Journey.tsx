/** Journey: the customer journey as one picture, every step's figures side by side for a period, the steps that moved significantly marked; admins make and edit journeys here. */
import { useState } from 'preact/hooks';
import { JourneyForm } from '../components/JourneyForm.tsx';
import { JourneyMap } from '../components/JourneyMap.tsx';
import { Loaded } from '../components/Loaded.tsx';
import { Page } from '../components/Page.tsx';
import { Segmented } from '../components/Segmented.tsx';
import { useSession } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { JourneyDefinition, JourneyFigures } from '../journey-types.ts';
import { lastDays, rangeQuery } from '../periods.ts';
import { useResource } from '../use-resource.ts';

const PERIODS = [7, 30, 90] as const;

/** One journey's figures over the last `days` days (today included), against the days before. */
function JourneyFiguresCard(props: { journey: JourneyDefinition; days: number }) {
  const { api } = useSession();
  const { t, fmt } = useI18n();
  // One clock reading per visit, so the period does not move (and refetch) on every render.
  const [now] = useState(() => Date.now());
  const { current } = lastDays(props.days, now, fmt.timeZone);
  const [figures] = useResource(
    () => api.get<JourneyFigures>(`/v1/journeys/${encodeURIComponent(props.journey.id)}/figures`, rangeQuery(current, fmt.timeZone)),
    // An edit (new steps) shows at once: the journey's change time is part of what the figures depend on.
    [props.journey.id, props.journey.updatedAt, props.days],
  );
  return (
    <article class="card">
      <h2>{props.journey.name} <span class="muted small">{t.journey.period(props.days)}</span></h2>
      <Loaded resource={figures} what={t.journey.what.figures}>{(data) => <JourneyMap data={data} days={props.days} />}</Loaded>
    </article>
  );
}

/** The journey page. */
export function Journey() {
  const { api, scope } = useSession();
  const { t } = useI18n();
  const words = t.journey.form;
  const [days, setDays] = useState<number>(30);
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState(false);
  const [journeys, reload] = useResource(() => api.get<{ journeys: JourneyDefinition[] }>('/v1/journeys'), []);
  const admin = scope === 'admin';
  const saved = (id: string) => {
    setChosen(id);
    setCreating(false);
    reload();
  };

  return (
    <Page id="journey" title={t.nav.page.journey} tools={
      <>
        <Segmented legend={t.overview.period} name="period" value={days} choices={PERIODS.map((value) => ({ value, label: t.overview.days(value) }))} onChange={setDays} />
        {admin && <button type="button" onClick={() => setCreating(!creating)} aria-expanded={creating}>{creating ? words.cancelNew : words.new}</button>}
      </>
    }>
      {creating && <article class="card"><h2>{words.new}</h2><JourneyForm onSaved={saved} /></article>}
      <Loaded resource={journeys} what={t.journey.what.journeys}>
        {(data) => {
          if (data.journeys.length === 0) return <p class="notice">{t.journey.none}</p>;
          const journey = data.journeys.find((candidate) => candidate.id === chosen) ?? data.journeys[0];
          return (
            <>
              {data.journeys.length > 1 && (
                <label class="field-inline">{t.journey.pick}{' '}
                  <select value={journey.id} onChange={(event) => setChosen((event.currentTarget as HTMLSelectElement).value)}>
                    {data.journeys.map((candidate) => <option key={candidate.id} value={candidate.id}>{candidate.name}</option>)}
                  </select>
                </label>
              )}
              <JourneyFiguresCard journey={journey} days={days} />
              {admin && (
                <article class="card">
                  <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>{editing ? words.closeEdit : words.edit}</button>
                  {editing && (
                    <JourneyForm key={journey.id} journey={journey} onSaved={saved}
                      onDeleted={() => { setChosen(null); setEditing(false); reload(); }} />
                  )}
                </article>
              )}
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
