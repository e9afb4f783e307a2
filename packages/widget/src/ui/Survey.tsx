import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ConsentStep } from '../components/ConsentStep';
import { Panel } from '../components/Panel';
import { ScoreScale } from '../components/ScoreScale';
import { WhyStep } from '../components/WhyStep';
import type { SurveyView } from '../survey-view';
import type { Looks } from './looks';
import { NPS_SCALE, whyPrompt, type SurveyWords } from './strings';

/** The steps of one survey; consent only when the loader asks for it; `error` when an answer was refused. */
export type Step = 'score' | 'why' | 'consent' | 'thanks' | 'error';

/** Props of the survey: the loader's view, its words and looks, the page's direction, and whether an answer was refused. */
export interface SurveyProps {
  view: SurveyView;
  words: SurveyWords;
  looks: Looks;
  rtl: boolean;
  failed: boolean;
  /** Move focus into the prompt as it opens (not while the visitor types in a field of the page). */
  takeFocus: boolean;
  onClose(): void;
}

const CLOSE_AFTER_MS = 6000;
// Where focus goes on each step. On the score and closing steps, the panel itself: a focus ring on
// "0" as the prompt opens would look like a suggested answer.
const FOCUS: Partial<Record<Step, string>> = { why: 'textarea', consent: 'input,.b' };

/** The survey's steps, held in hooks: score → why → consent (when asked) → thanks, or the error when refused. */
export function Survey({ view, words: { brand, strings }, looks, rtl, failed, takeFocus, onClose }: SurveyProps) {
  const [answered, setStep] = useState<Step>('score');
  const [score, setScore] = useState(0);
  const panel = useRef<HTMLDivElement>(null);
  const step = failed ? 'error' : answered;
  const closing = step === 'thanks' || step === 'error';

  useLayoutEffect(() => {
    const target = FOCUS[step] ? panel.current!.querySelector<HTMLElement>(FOCUS[step]) : panel.current;
    // The survey opens on the score step; every later step is the visitor's doing, so focus follows it.
    if (takeFocus || step !== 'score') target?.focus({ preventScroll: true });
    if (!closing) return;
    const timer = setTimeout(onClose, CLOSE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [step]);

  const scale = view.survey.scale ?? NPS_SCALE;
  const why = whyPrompt(strings, score, scale);
  return (
    <Panel
      panelRef={panel}
      brand={brand}
      position={looks.position}
      theme={looks.theme}
      closeLabel={strings.close}
      announcement={step === 'why' ? why : step === 'consent' ? strings.consent : step === 'thanks' ? strings.thanks : step === 'error' ? strings.error : ''}
      announcementShown={closing}
      onClose={onClose}
    >
      {step === 'score' ? (
        <ScoreScale question={strings.question} low={strings.low} high={strings.high} lowest={scale.lowest} highest={scale.highest} rtl={rtl} onScore={(value) => {
          setScore(value);
          setStep('why');
          view.onScore(value);
        }} />
      ) : step === 'why' ? (
        <WhyStep prompt={why} send={strings.send} onComment={(comment) => {
          setStep(view.consent ? 'consent' : 'thanks');
          view.onComment(comment);
        }} />
      ) : step === 'consent' ? (
        <ConsentStep question={strings.consent} yes={strings.yes} no={strings.no} emailLabel={view.emailField ? strings.email : undefined} onConsent={(consent, email) => {
          setStep('thanks');
          view.onConsent(consent, email);
        }} />
      ) : null}
    </Panel>
  );
}
