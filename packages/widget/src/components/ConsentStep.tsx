/** @jsxImportSource .. */
import { LIMITS } from '@npsloop/core';

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
  const email = emailLabel ? ((<input id="m" type="email" autocomplete="email" maxlength={LIMITS.emailMaxLength} />) as HTMLInputElement) : null;
  const answer = (consent: boolean) => (event: Event) => {
    event.preventDefault();
    onConsent(consent, email?.value.trim() || undefined);
  };
  return (
    <form role="group" aria-labelledby="t" onSubmit={answer(true)}>
      <p id="t" class="q">{question}</p>
      {email && <label class="l" for="m">{emailLabel}</label>}
      {email}
      <div class="r">
        <button class="b" type="submit">{yes}</button>
        <button class="b n" type="button" onClick={answer(false)}>{no}</button>
      </div>
    </form>
  );
}
