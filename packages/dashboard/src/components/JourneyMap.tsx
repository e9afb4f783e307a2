/** The journey as one picture, read left to right: each step with its figures, intervals and how they moved, in words. */
import { changeKey, MIN_ANSWERS, readFigure } from '../figures.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { JourneyFigure, JourneyFigures } from '../journey-types.ts';
import { IntervalBar } from './IntervalBar.tsx';

/** How one figure moved since the period before, in words (an arrow only beside them); too few answers on either side say so. */
function ChangeWords(props: { figure: JourneyFigure; days: number }) {
  const { t, fmt } = useI18n();
  const { figure } = props;
  if (!figure.change || !figure.previous) return <p class="change flat">{t.journey.noPrevious(props.days)}</p>;
  if (readFigure(figure) !== 'score' || figure.previous.n < MIN_ANSWERS) return <p class="change flat">{t.change.notEnough}</p>;
  const key = changeKey(figure.change);
  const arrow = key === 'up' ? '▲' : key === 'down' ? '▼' : '';
  const amount = fmt.difference(figure.metric, figure.change.difference);
  return (
    <p class={`change ${figure.change.significant ? 'significant' : 'flat'}`}>
      {arrow && <span aria-hidden="true">{arrow} </span>}
      {t.journey.since(t.change[key], amount, fmt.score(figure.metric, figure.previous.score))}
    </p>
  );
}

/** One survey's figure at a step: what it measures, the score, n and interval, a bar, the change. */
function StepFigureView(props: { figure: JourneyFigure; days: number }) {
  const { t, fmt } = useI18n();
  const { figure } = props;
  const metric = figure.metric ?? 'nps';
  return (
    <li class="step-figure">
      <p class="small"><strong>{figure.surveyName}</strong> <span class="muted">{t.metric.names[metric]}</span></p>
      <p class={readFigure(figure) === 'score' ? 'step-score' : 'step-score muted'}>{fmt.figure(figure)}</p>
      <p class="muted small">
        {fmt.n(figure.n)}, {fmt.interval(figure)}
        {figure.smallSample && <> <span class="badge">{t.touchpoints.smallSample}</span></>}
      </p>
      <IntervalBar figure={figure} showScore={readFigure(figure) === 'score'} />
      <ChangeWords figure={figure} days={props.days} />
    </li>
  );
}

/** The steps in order, left to right; a step whose figure moved significantly says so in a badge, not by colour alone. */
export function JourneyMap(props: { data: JourneyFigures; days: number }) {
  const { t, fmt } = useI18n();
  const { data, days } = props;
  return (
    <>
      <ol class="journey-map" aria-label={t.journey.stepsLabel(data.name)}>
        {data.steps.map((step) => (
          <li key={step.position} class={step.moved ? 'journey-step moved' : 'journey-step'}>
            <h3><span class="step-number" aria-hidden="true">{step.position}</span> {step.name}</h3>
            <p class="muted small">{step.touchpoint !== null ? t.journey.touchpoint(fmt.label(step.touchpoint)) : t.journey.journeyValue(fmt.label(step.journey))}</p>
            {step.moved && <p><span class="badge moved-badge">{t.journey.moved}</span></p>}
            <ul class="step-figures">
              {step.figures.map((figure) => <StepFigureView key={figure.surveyId} figure={figure} days={days} />)}
            </ul>
          </li>
        ))}
      </ol>
      <p class="muted small">{t.journey.correction(data.multipleComparisons.tests, fmt.share(data.multipleComparisons.alpha), data.minN)}</p>
    </>
  );
}
