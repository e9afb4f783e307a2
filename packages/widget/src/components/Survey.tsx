import type { Position, Theme, WidgetStrings } from '../config';
import { whyPrompt } from '../strings';
import { ConsentStep } from './ConsentStep';
import { ScoreScale } from './ScoreScale';
import { WhyStep } from './WhyStep';

/** The steps of one survey, in order; consent only when the visitor is identified or an email is asked for. */
export type Step = 'score' | 'why' | 'consent' | 'thanks';

/** Everything the prompt shows, and the callbacks it raises. */
export interface SurveyProps {
  step: Step;
  strings: WidgetStrings;
  brand: string;
  position: Position;
  theme: Theme;
  rtl: boolean;
  checked?: number;
  score?: number;
  askEmail: boolean;
  onMove(score: number): void;
  onScore(score: number): void;
  onComment(comment: string): void;
  onConsent(consent: boolean, email?: string): void;
  onClose(): void;
}

const CLOSE_ICON = (
  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
    <path d="M4 4l8 8M12 4l-8 8" />
  </svg>
);

/**
 * The survey panel: a labelled non-modal dialog with a close button, the
 * current step, and a polite live region that announces each new step.
 */
export function Survey(props: SurveyProps) {
  const { step, strings, score = 0 } = props;
  const prompt = whyPrompt(strings, score);
  const announcement = step === 'why' ? prompt : step === 'consent' ? strings.consent : step === 'thanks' ? strings.thanks : '';
  return (
    <div
      class={`p ${props.position} ${props.theme}`}
      role="dialog"
      aria-label={props.brand}
      tabIndex={-1}
      onKeyDown={(event) => event.key === 'Escape' && props.onClose()}
    >
      <button class="x" type="button" aria-label={strings.close} onClick={props.onClose}>{CLOSE_ICON}</button>
      {step === 'score' && (
        <ScoreScale
          question={strings.question}
          low={strings.low}
          high={strings.high}
          checked={props.checked}
          rtl={props.rtl}
          onMove={props.onMove}
          onPick={props.onScore}
        />
      )}
      {step === 'why' && <WhyStep prompt={prompt} send={strings.send} onSubmit={props.onComment} />}
      {step === 'consent' && (
        <ConsentStep
          question={strings.consent}
          yes={strings.yes}
          no={strings.no}
          emailLabel={props.askEmail ? strings.email : undefined}
          onAnswer={props.onConsent}
        />
      )}
      <p class={step === 'thanks' ? 'q k' : 'v'} aria-live="polite">{announcement}</p>
    </div>
  );
}
