/** An inline "are you sure?" before a step that cannot be undone, with focus handled for keyboard and screen-reader users. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';

/**
 * The question, the destructive button and Cancel. Cancel takes the focus when
 * it opens (Enter never destroys by accident); Cancel and Escape close it and
 * hand the focus back to the button that opened it.
 */
export function Confirm(props: { label: string; confirm: string; busy: boolean; onConfirm: () => void; onCancel: () => void; children: ComponentChildren }) {
  const { t } = useI18n();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(document.activeElement);
  useEffect(() => {
    cancelButton.current?.focus();
  }, []);
  const cancel = () => {
    props.onCancel();
    if (opener.current instanceof HTMLElement) opener.current.focus();
  };
  return (
    <div class="inline-form confirm" role="group" aria-label={props.label} onKeyDown={(event) => { if (event.key === 'Escape') cancel(); }}>
      {props.children}
      <div class="row">
        <button type="button" class="danger" disabled={props.busy} onClick={props.onConfirm}>{props.confirm}</button>
        <button type="button" ref={cancelButton} onClick={cancel}>{t.common.cancel}</button>
      </div>
    </div>
  );
}
