/** The huddle digest on screen: the NPS and whether it moved, what moved most, loops, what customers said, actions, the team's questions. */
import { METRIC_NAMES } from '@npsloop/core';
import type { ComponentChildren } from 'preact';
import { changeKey, comparable } from '../figures.ts';
import { fill } from '../i18n/fill.ts';
import { useI18n } from '../i18n/i18n.ts';
import { teamQuestion } from '../i18n/team-questions.ts';
import type { Huddle } from '../types.ts';
import { ActionList } from './ActionList.tsx';
import { HuddleLoops } from './HuddleLoops.tsx';
import { HuddleThemes } from './HuddleThemes.tsx';
import { NpsHeadline } from './NpsHeadline.tsx';

/** One digest, live or as a huddle kept it; `huddleId` links actions made from its themes to a running huddle, `actions` replaces the digest's own list. */
export function HuddleDigest(props: { digest: Huddle; onChanged: () => void; huddleId?: string; actions?: ComponentChildren }) {
  const { t, fmt } = useI18n();
  const data = props.digest;
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
        <HuddleLoops loops={data.loops} metric={data.metric ?? 'nps'} onCreated={props.onChanged} />
      </div>
      <HuddleThemes themes={data.themes} metric={data.metric ?? 'nps'} onCreated={props.onChanged} huddleId={props.huddleId} />
      {props.actions ?? <ActionList actions={data.actions} onChanged={props.onChanged} />}
      <article class="card questions">
        <h2>{t.huddle.forTeam}</h2>
        <ol>{data.questions.map((text) => <li key={text}>{teamQuestion(text, t.huddle.questions)}</li>)}</ol>
      </article>
    </>
  );
}
