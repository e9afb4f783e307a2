import { useRef, useState } from 'preact/hooks';

/** Props of the scale: its question, end labels and points (NPS 0–10, CSAT 1–5, CES 1–7). */
export interface ScoreScaleProps {
  question: string;
  low: string;
  high: string;
  lowest: number;
  highest: number;
  rtl: boolean;
  onScore(score: number): void;
}

/** Where an arrow, Home or End key moves from position `current` of `count` (0-based); undefined for any other key. */
export function nextScore(key: string, current: number, rtl: boolean, count = 11): number | undefined {
  const step = key === 'ArrowDown' || key === (rtl ? 'ArrowLeft' : 'ArrowRight') ? 1
    : key === 'ArrowUp' || key === (rtl ? 'ArrowRight' : 'ArrowLeft') ? -1 : 0;
  return step ? (current + step + count) % count : key === 'Home' ? 0 : key === 'End' ? count - 1 : undefined;
}

/**
 * The question and a radio group of one option per point, named by its
 * number, the end labels describing the first and last. Arrow keys move the
 * choice (roving tabindex) without answering; a click, Space or Enter answers.
 */
export function ScoreScale({ question, low, high, lowest, highest, rtl, onScore }: ScoreScaleProps) {
  const [chosen, setChosen] = useState(-1);
  const group = useRef<HTMLDivElement>(null);
  const count = highest - lowest + 1;
  return (
    <>
      <p id="t" class="q">{question}</p>
      <div class="s" role="radiogroup" aria-labelledby="t" ref={group}>
        {Array.from({ length: count }, (_, index) => (
          <button
            type="button"
            role="radio"
            aria-checked={index === chosen}
            aria-describedby={index === 0 ? 'lo' : index === count - 1 ? 'hi' : undefined}
            tabIndex={index === Math.max(chosen, 0) ? 0 : -1}
            onClick={() => onScore(lowest + index)}
            onKeyDown={(event) => {
              const next = nextScore(event.key, index, rtl, count);
              if (next === undefined) return;
              event.preventDefault();
              setChosen(next);
              (group.current!.children[next] as HTMLElement).focus();
            }}
          >
            {lowest + index}
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
