import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsentStep } from '../../src/components/ConsentStep';
import { Panel } from '../../src/components/Panel';
import { WhyStep } from '../../src/components/WhyStep';

const byLabel = (text: string) => {
  const label = [...document.querySelectorAll('label')].find((candidate) => candidate.textContent === text)!;
  return document.getElementById(label.htmlFor) as HTMLInputElement;
};
const button = (name: string) => [...document.querySelectorAll('button')].find((candidate) => candidate.textContent === name || candidate.getAttribute('aria-label') === name)!;

describe('WhyStep', () => {
  beforeEach(() => document.body.replaceChildren());

  it('labels the text area with the prompt and sends what was typed', () => {
    const onComment = vi.fn();
    document.body.append(WhyStep({ prompt: 'What is the main reason for your score?', send: 'Send', onComment }));
    const comment = byLabel('What is the main reason for your score?');
    expect(comment.tagName).toBe('TEXTAREA');
    expect(comment.maxLength).toBe(5000);
    comment.value = 'Fast setup.';
    button('Send').click();
    expect(onComment).toHaveBeenCalledWith('Fast setup.');
  });
});

describe('ConsentStep', () => {
  beforeEach(() => document.body.replaceChildren());

  it('asks with Yes and No, as a group named by the question', () => {
    const onConsent = vi.fn();
    document.body.append(ConsentStep({ question: 'May we contact you about your answer?', yes: 'Yes', no: 'No', onConsent }));
    const group = document.querySelector('[role=group]')!;
    expect(document.getElementById(group.getAttribute('aria-labelledby')!)!.textContent).toBe('May we contact you about your answer?');
    expect(document.querySelector('input')).toBeNull();
    button('No').click();
    expect(onConsent).toHaveBeenLastCalledWith(false, undefined);
    button('Yes').click();
    expect(onConsent).toHaveBeenLastCalledWith(true, undefined);
  });

  it('shows a labelled email field when asked, and passes its value', () => {
    const onConsent = vi.fn();
    document.body.append(ConsentStep({ question: 'May we contact you?', yes: 'Yes', no: 'No', emailLabel: 'Your email address', onConsent }));
    const email = byLabel('Your email address');
    expect(email.type).toBe('email');
    expect(email.autocomplete).toBe('email');
    email.value = ' ann@acme.test ';
    button('Yes').click();
    expect(onConsent).toHaveBeenCalledWith(true, 'ann@acme.test');
  });
});

describe('Panel', () => {
  beforeEach(() => document.body.replaceChildren());

  it('is a dialog named after the brand with a labelled close button; Escape closes too', () => {
    const onClose = vi.fn();
    const panel = Panel({ brand: 'Acme', position: 'bottom-left', theme: 'dark', closeLabel: 'Close', onClose }) as HTMLElement;
    document.body.append(panel);
    expect(panel.getAttribute('role')).toBe('dialog');
    expect(panel.getAttribute('aria-label')).toBe('Acme');
    expect(panel.className).toBe('p bottom-left dark');
    expect(panel.querySelector('[aria-live=polite]')).not.toBeNull();
    button('Close').click();
    panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
