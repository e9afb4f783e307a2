import { createRef } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { ConsentStep } from '../../src/components/ConsentStep';
import { Panel } from '../../src/components/Panel';
import { WhyStep } from '../../src/components/WhyStep';
import { mount } from '../support/render';

const byLabel = (text: string) => {
  const label = [...document.querySelectorAll('label')].find((candidate) => candidate.textContent === text)!;
  return document.getElementById(label.htmlFor) as HTMLInputElement;
};
const button = (name: string) => [...document.querySelectorAll('button')].find((candidate) => candidate.textContent === name || candidate.getAttribute('aria-label') === name)!;

describe('WhyStep', () => {
  it('labels the text area with the prompt and sends what was typed', () => {
    const onComment = vi.fn();
    mount(<WhyStep prompt="What is the main reason for your score?" send="Send" onComment={onComment} />);
    const comment = byLabel('What is the main reason for your score?');
    expect(comment.tagName).toBe('TEXTAREA');
    expect(comment.maxLength).toBe(5000);
    comment.value = 'Fast setup.';
    button('Send').click();
    expect(onComment).toHaveBeenCalledWith('Fast setup.');
  });
});

describe('ConsentStep', () => {
  it('asks with Yes and No, as a group named by the question', () => {
    const onConsent = vi.fn();
    mount(<ConsentStep question="May we contact you about your answer?" yes="Yes" no="No" onConsent={onConsent} />);
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
    mount(<ConsentStep question="May we contact you?" yes="Yes" no="No" emailLabel="Your email address" onConsent={onConsent} />);
    const email = byLabel('Your email address');
    expect(email.type).toBe('email');
    expect(email.autocomplete).toBe('email');
    email.value = ' ann@acme.test ';
    button('Yes').click();
    expect(onConsent).toHaveBeenCalledWith(true, 'ann@acme.test');
  });
});

describe('Panel', () => {
  it('is a dialog named after the brand with a labelled close button; Escape closes too', () => {
    const onClose = vi.fn();
    const panelRef = createRef<HTMLDivElement>();
    mount(
      <Panel brand="Acme" position="bottom-left" theme="dark" closeLabel="Close" announcement="" announcementShown={false} panelRef={panelRef} onClose={onClose}>
        <p>Step</p>
      </Panel>,
    );
    const panel = panelRef.current!;
    expect(panel.getAttribute('role')).toBe('dialog');
    expect(panel.getAttribute('aria-label')).toBe('Acme');
    expect(panel.className).toBe('p bottom-left dark');
    expect(panel.querySelector('[aria-live=polite]')!.className).toBe('v');
    expect(panel.querySelector('.c')!.textContent).toBe('Step');
    button('Close').click();
    panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
