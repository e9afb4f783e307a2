/** Props of the 0–10 scale. `checked` moves with the arrow keys; a pick (click, Space, Enter) answers. */
export interface ScoreScaleProps {
  question: string;
  low: string;
  high: string;
  checked?: number;
  rtl: boolean;
  onMove(score: number): void;
  onPick(score: number): void;
}

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Where an arrow, Home or End key moves from `current`; undefined for any other key. */
export function nextScore(key: string, current: number, rtl: boolean): number | undefined {
  const step = key === 'ArrowDown' || key === (rtl ? 'ArrowLeft' : 'ArrowRight') ? 1
    : key === 'ArrowUp' || key === (rtl ? 'ArrowRight' : 'ArrowLeft') ? -1 : 0;
  if (step) return (current + step + 11) % 11;
  return key === 'Home' ? 0 : key === 'End' ? 10 : undefined;
}

/**
 * The question and a radio group of eleven options named "0" … "10", the end
 * labels tied to the first and last option. Arrow keys only move the choice,
 * so a keyboard user confirms with Space or Enter; a click answers at once.
 */
export function ScoreScale({ question, low, high, checked, rtl, onMove, onPick }: ScoreScaleProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    const next = nextScore(event.key, checked ?? -1, rtl);
    if (next === undefined) return;
    event.preventDefault();
    onMove(next);
    ((event.currentTarget as HTMLElement).parentElement?.children[next] as HTMLElement | undefined)?.focus();
  };
  return (
    <>
      <p id="t" class="q">{question}</p>
      <div class="s" role="radiogroup" aria-labelledby="t">
        {SCORES.map((score) => (
          <button
            type="button"
            role="radio"
            aria-checked={score === checked}
            aria-describedby={score === 0 ? 'lo' : score === 10 ? 'hi' : undefined}
            tabIndex={score === (checked ?? 0) ? 0 : -1}
            onClick={() => onPick(score)}
            onKeyDown={onKeyDown}
          >
            {score}
          </button>
        ))}
      </div>
      <div class="e">
        <span id="lo">{low}</span>
        <span id="hi">{high}</span>
      </div>
    </>
  );
}
