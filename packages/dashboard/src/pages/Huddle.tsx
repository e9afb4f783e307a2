/** Huddle mode: one full-screen page for the team meeting, from the huddle digest. */
import { METRIC_NAMES } from '@npsloop/core';
import { useState } from 'preact/hooks';
import { ActionList } from '../components/ActionList.tsx';
import { CopyMarkdown } from '../components/CopyMarkdown.tsx';
import { HuddleLoops } from '../components/HuddleLoops.tsx';
import { HuddleThemes } from '../components/HuddleThemes.tsx';
import { Loaded } from '../components/Loaded.tsx';
import { NpsHeadline } from '../components/NpsHeadline.tsx';
import { Page } from '../components/Page.tsx';
import { Segmented } from '../components/Segmented.tsx';
import { useSession } from '../context.ts';
import { changeKey, comparable } from '../figures.ts';
import { fill } from '../i18n/fill.ts';
import { useI18n } from '../i18n/i18n.ts';
import { teamQuestion } from '../i18n/team-questions.ts';
import type { Huddle as HuddleDigest } from '../types.ts';
import { useResource } from '../use-resource.ts';

const SPANS = [7, 14, 30] as const;

/** The huddle page. */
export function Huddle() {
  const { api, surveyId } = useSession();
  const { t, fmt } = useI18n();
  const [days, setDays] = useState<number>(7);
  const [digest, reload] = useResource(
    () => api.get<HuddleDigest>(`/v1/surveys/${encodeURIComponent(surveyId)}/huddle`, { days, tz: fmt.timeZone }),
    [surveyId, days],
  );
  const fullScreen = () => void document.documentElement.requestFullscreen?.().catch(() => undefined);

  return (
    <Page id="huddle" title={t.nav.page.huddle} tools={<>
      <Segmented legend={t.huddle.period} name="huddle-days" value={days} choices={SPANS.map((value) => ({ value, label: t.huddle.days(value) }))} onChange={setDays} />
      <CopyMarkdown days={days} />
      <button type="button" onClick={fullScreen} title={t.huddle.fullScreenTitle}>{t.huddle.fullScreen}</button>
    </>}>
      <Loaded resource={digest} what={t.huddle.what}>
        {(data) => {
          const enough = comparable(data.previousFigure, data.figure);
          const moved = data.segmentMovedMost;
          return (
            <>
              <p class="muted">{t.huddle.range(data.surveyName, fmt.day(data.period.from), fmt.day(Date.parse(data.period.to) - 1))}</p>
              <div class="columns">
                <article class="card wide">
                  <NpsHeadline figure={data.figure} label={data.metric && data.metric !== 'nps' ? t.metric.headline(METRIC_NAMES[data.metric], data.days) : t.huddle.headline(data.days)} />
                  <p class={`change ${enough && data.change.significant ? 'significant' : 'flat'}`}>
                    {fill(t.huddle.versus(data.days), {
                      difference: <strong>{enough ? fmt.nps(data.change.difference) : '–'}</strong>,
                      wording: enough ? t.change[changeKey(data.change)] : t.touchpoints.tooFewToCompare(fmt.n(data.previousFigure.n), fmt.n(data.figure.n)),
                    })}
                  </p>
                  {moved && comparable(moved.previous, moved.current) && (
                    <p class="small">{fill(t.huddle.movedMost(t.touchpoints.dimension[moved.by as 'touchpoint'] ?? moved.by), {
                      value: <strong>{fmt.label(moved.value)}</strong>,
                      previous: fmt.figure(moved.previous),
                      current: fmt.figure(moved.current),
                      verdict: moved.change.significant ? t.huddle.significant : t.huddle.notSignificant,
                    })}</p>
                  )}
                </article>
                <HuddleLoops loops={data.loops} onCreated={reload} />
              </div>
              <HuddleThemes themes={data.themes} onCreated={reload} />
              <ActionList actions={data.actions} onChanged={reload} />
              <article class="card questions">
                <h2>{t.huddle.forTeam}</h2>
                <ol>{data.questions.map((text) => <li key={text}>{teamQuestion(text, t.huddle.questions)}</li>)}</ol>
              </article>
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
