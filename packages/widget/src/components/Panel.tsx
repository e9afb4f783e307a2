/** @jsxImportSource .. */
import type { Position, Theme } from '../config';

/** Props of the survey's frame. */
export interface PanelProps {
  brand: string;
  position: Position;
  theme: Theme;
  closeLabel: string;
  onClose(): void;
}

/**
 * The frame around every step: a non-modal dialog named after the brand, the
 * slot `.c` for the current step (first, so Tab reaches the answer before the
 * close button, which sits top-right), a labelled close button (Escape does
 * the same) and a polite live region that announces each new step.
 */
export function Panel({ brand, position, theme, closeLabel, onClose }: PanelProps) {
  return (
    <div class={`p ${position} ${theme}`} role="dialog" aria-label={brand} tabindex="-1" onKeydown={(event: KeyboardEvent) => event.key === 'Escape' && onClose()}>
      <div class="c" />
      <button class="x" type="button" aria-label={closeLabel} onClick={onClose}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
      <p class="v" aria-live="polite" />
    </div>
  );
}
