import { LIMITS } from '@npsloop/core';

/** Props of the "why" step. */
export interface WhyStepProps {
  prompt: string;
  send: string;
  onSubmit(comment: string): void;
}

/** The open question after the score: a labelled text area and a send button. */
export function WhyStep({ prompt, send, onSubmit }: WhyStepProps) {
  const submit = (event: Event) => {
    event.preventDefault();
    onSubmit(((event.currentTarget as HTMLFormElement).elements.namedItem('c') as HTMLTextAreaElement).value);
  };
  return (
    <form onSubmit={submit}>
      <label id="t" class="q" for="c">{prompt}</label>
      <textarea id="c" name="c" rows={3} maxLength={LIMITS.commentMaxLength} />
      <button class="b" type="submit">{send}</button>
    </form>
  );
}
