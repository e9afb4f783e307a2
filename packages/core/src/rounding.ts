/** Rounds to one decimal, never returning -0. */
export function roundOneDecimal(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}
