/** @jsxImportSource .. */
import { LIMITS } from '@npsloop/core';

/** Props of the "why" step. */
export interface WhyStepProps {
  prompt: string;
  send: string;
  onComment(comment: string): void;
}

/** The open question after the score: a labelled text area and a send button. */
export function WhyStep({ prompt, send, onComment }: WhyStepProps) {
  const comment = (<textarea id="c" rows="3" maxlength={LIMITS.commentMaxLength} />) as HTMLTextAreaElement;
  return (
    <form
      onSubmit={(event: Event) => {
        event.preventDefault();
        onComment(comment.value);
      }}
    >
      <label id="t" class="q" for="c">{prompt}</label>
      {comment}
      <button class="b" type="submit">{send}</button>
    </form>
  );
}
