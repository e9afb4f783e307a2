import { LIMITS } from '@npsloop/core';

/** Props of the consent step. */
export interface ConsentStepProps {
  question: string;
  yes: string;
  no: string;
  /** Label of the email field; the field is shown only when set. */
  emailLabel?: string;
  onAnswer(consent: boolean, email?: string): void;
}

/** "May we contact you about your answer?" with yes/no, and an email field when the site asks for one. */
export function ConsentStep({ question, yes, no, emailLabel, onAnswer }: ConsentStepProps) {
  const answer = (consent: boolean) => (event: Event) => {
    const form = (event.currentTarget as HTMLButtonElement).form;
    const email = (form?.elements.namedItem('m') as HTMLInputElement | null)?.value.trim();
    onAnswer(consent, email || undefined);
  };
  return (
    <form role="group" aria-labelledby="t" onSubmit={(event) => event.preventDefault()}>
      <p id="t" class="q">{question}</p>
      {emailLabel && (
        <>
          <label class="l" for="m">{emailLabel}</label>
          <input id="m" name="m" type="email" autoComplete="email" maxLength={LIMITS.emailMaxLength} />
        </>
      )}
      <div class="r">
        <button class="b" type="submit" onClick={answer(true)}>{yes}</button>
        <button class="b n" type="button" onClick={answer(false)}>{no}</button>
      </div>
    </form>
  );
}
