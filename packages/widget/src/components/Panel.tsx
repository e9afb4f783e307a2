import type { ComponentChildren, Ref } from 'preact';
import type { Position, Theme } from '../survey-view';

/** Props of the survey's frame. */
export interface PanelProps {
  brand: string;
  position: Position;
  theme: Theme;
  closeLabel: string;
  /** What the live region says; shown as the step's text on the closing steps (thanks, error). */
  announcement: string;
  announcementShown: boolean;
  panelRef: Ref<HTMLDivElement>;
  onClose(): void;
  children: ComponentChildren;
}

/**
 * The frame around every step: a non-modal dialog named after the brand, the
 * slot `.c` for the current step (first, so Tab reaches the answer before the
 * close button, which sits top-right), a labelled close button (Escape does
 * the same) and a polite live region that announces each new step.
 */
export function Panel({ brand, position, theme, closeLabel, announcement, announcementShown, panelRef, onClose, children }: PanelProps) {
  return (
    <div ref={panelRef} class={`p ${position} ${theme}`} role="dialog" aria-label={brand} tabIndex={-1} onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <div class="c">{children}</div>
      <button class="x" type="button" aria-label={closeLabel} onClick={onClose}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
      <p class={announcementShown ? 'q k' : 'v'} aria-live="polite">{announcement}</p>
    </div>
  );
}
