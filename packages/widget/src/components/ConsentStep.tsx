import { LIMITS } from '@npsloop/core';
import { useRef } from 'preact/hooks';

/** Props of the consent step. */
export interface ConsentStepProps {
  question: string;
  yes: string;
  no: string;
  /** Label of the email field; the field is shown only when set. */
  emailLabel?: string;
  onConsent(consent: boolean, email?: string): void;
}

/** "May we contact you about your answer?" with Yes and No, and an email field when the site asks for one. */
export function ConsentStep({ question, yes, no, emailLabel, onConsent }: ConsentStepProps) {
  const email = useRef<HTMLInputElement>(null);
  const answer = (consent: boolean) => (event: Event) => {
    event.preventDefault();
    onConsent(consent, email.current?.value.trim() || undefined);
  };
  return (
    <form role="group" aria-labelledby="t" onSubmit={answer(true)}>
      <p id="t" class="q">{question}</p>
      {emailLabel && <label class="l" for="m">{emailLabel}</label>}
      {emailLabel && <input ref={email} id="m" type="email" autocomplete="email" maxLength={LIMITS.emailMaxLength} />}
      <div class="r">
        <button class="b" type="submit">{yes}</button>
        <button class="b n" type="button" onClick={answer(false)}>{no}</button>
      </div>
    </form>
  );
}
