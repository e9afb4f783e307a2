import { useRef, useState } from 'preact/hooks';

/** Props of the 0–10 scale. */
export interface ScoreScaleProps {
  question: string;
  low: string;
  high: string;
  rtl: boolean;
  onScore(score: number): void;
}

/** Where an arrow, Home or End key moves from `current`; undefined for any other key. */
export function nextScore(key: string, current: number, rtl: boolean): number | undefined {
  const step = key === 'ArrowDown' || key === (rtl ? 'ArrowLeft' : 'ArrowRight') ? 1
    : key === 'ArrowUp' || key === (rtl ? 'ArrowRight' : 'ArrowLeft') ? -1 : 0;
  return step ? (current + step + 11) % 11 : key === 'Home' ? 0 : key === 'End' ? 10 : undefined;
}

/**
 * The question and a radio group of eleven options named "0" … "10", the end
 * labels describing the first and last. Arrow keys move the choice (roving
 * tabindex) without answering; a click, Space or Enter answers.
 */
export function ScoreScale({ question, low, high, rtl, onScore }: ScoreScaleProps) {
  const [chosen, setChosen] = useState(-1);
  const group = useRef<HTMLDivElement>(null);
  return (
    <>
      <p id="t" class="q">{question}</p>
      <div class="s" role="radiogroup" aria-labelledby="t" ref={group}>
        {Array.from({ length: 11 }, (_, score) => (
          <button
            type="button"
            role="radio"
            aria-checked={score === chosen}
            aria-describedby={score === 0 ? 'lo' : score === 10 ? 'hi' : undefined}
            tabIndex={score === Math.max(chosen, 0) ? 0 : -1}
            onClick={() => onScore(score)}
            onKeyDown={(event) => {
              const next = nextScore(event.key, score, rtl);
              if (next === undefined) return;
              event.preventDefault();
              setChosen(next);
              (group.current!.children[next] as HTMLElement).focus();
            }}
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
