/** A one-line progress bar for stderr: redrawn in place on a terminal, a few plain lines otherwise. */

/** The bar text for a phase at `done` of `total`. */
export function progressLine(label: string, done: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `${label.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total}`;
}

/** A progress callback writing to `write`; on a terminal each update overwrites the line, otherwise only each phase's end is printed. */
export function progressBar(write: (text: string) => void, isTerminal: boolean) {
  return (label: string, done: number, total: number) => {
    if (isTerminal) write(`\r${progressLine(label, done, total)}${done >= total ? '\n' : ''}`);
    else if (done >= total) write(`${progressLine(label, done, total)}\n`);
  };
}
