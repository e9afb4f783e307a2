import { LIMITS } from '@npsloop/core';
import { useRef } from 'preact/hooks';

/** Props of the "why" step. */
export interface WhyStepProps {
  prompt: string;
  send: string;
  onComment(comment: string): void;
}

/** The open question after the score: a labelled text area and a send button. */
export function WhyStep({ prompt, send, onComment }: WhyStepProps) {
  const comment = useRef<HTMLTextAreaElement>(null);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onComment(comment.current!.value);
      }}
    >
      <label id="t" class="q" for="c">{prompt}</label>
      <textarea ref={comment} id="c" rows={3} maxLength={LIMITS.commentMaxLength} />
      <button class="b" type="submit">{send}</button>
    </form>
  );
}
