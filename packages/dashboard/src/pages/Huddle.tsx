/** Huddle mode: one full-screen page for the team meeting, from the huddle digest. */
import { Page } from '../components/Page.tsx';
import { useState } from 'preact/hooks';
import { ActionList } from '../components/ActionList.tsx';
import { HuddleThemes } from '../components/HuddleThemes.tsx';
import { Loaded } from '../components/Loaded.tsx';
import { NpsHeadline } from '../components/NpsHeadline.tsx';
import { Segmented } from '../components/Segmented.tsx';
import { useSession } from '../context.ts';
import { formatDay, formatNps, humanize, viewerTimeZone } from '../format.ts';
import { changeWording } from '../periods.ts';
import type { Huddle as HuddleDigest } from '../types.ts';
import { useResource } from '../use-resource.ts';
import { HuddleLoops } from '../components/HuddleLoops.tsx';
import { CopyMarkdown } from '../components/CopyMarkdown.tsx';

const SPANS = [{ value: 7, label: '7 days' }, { value: 14, label: '14 days' }, { value: 30, label: '30 days' }] as const;

/** The huddle page. */
export function Huddle() {
  const { api, surveyId } = useSession();
  const [days, setDays] = useState<number>(7);
  const [digest, reload] = useResource(
    () => api.get<HuddleDigest>(`/v1/surveys/${encodeURIComponent(surveyId)}/huddle`, { days, tz: viewerTimeZone() }),
    [surveyId, days],
  );
  const fullScreen = () => void document.documentElement.requestFullscreen?.().catch(() => undefined);

  return (
    <Page id="huddle" title="Huddle" tools={<>
      <Segmented legend="Huddle period" name="huddle-days" value={days} choices={SPANS} onChange={setDays} />
      <CopyMarkdown days={days} />
      <button type="button" onClick={fullScreen} title="Escape leaves full screen">Full screen</button>
    </>}>
      <Loaded resource={digest} what="the huddle digest">
        {(data) => (
          <>
            <p class="muted">{data.surveyName} · {formatDay(data.period.from)} to {formatDay(Date.parse(data.period.to) - 1)}</p>
            <div class="columns">
              <article class="card wide">
                <NpsHeadline figure={data.figure} label={`NPS, last ${data.days} days`} />
                <p class={`change ${data.change.significant ? 'significant' : 'flat'}`}>
                  <strong>{formatNps(data.change.difference)}</strong> vs the {data.days} days before: {changeWording(data.change)}
                </p>
                {data.segmentMovedMost && (
                  <p class="small">Moved most: {data.segmentMovedMost.by} <strong>{humanize(data.segmentMovedMost.value)}</strong>{' '}
                    {formatNps(data.segmentMovedMost.previous.nps)} → {formatNps(data.segmentMovedMost.current.nps)}
                    {' '}({data.segmentMovedMost.change.significant ? 'significant' : 'not significant'})</p>
                )}
              </article>
              <HuddleLoops loops={data.loops} onCreated={reload} />
            </div>
            <HuddleThemes themes={data.themes} onCreated={reload} />
            <ActionList actions={data.actions} onChanged={reload} />
            <article class="card questions">
              <h2>For the team</h2>
              <ol>{data.questions.map((question) => <li key={question}>{question}</li>)}</ol>
            </article>
          </>
        )}
      </Loaded>
    </Page>
  );
}
