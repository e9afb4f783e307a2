/** Rounds to one decimal, never returning -0. */
export function roundOneDecimal(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}

/** Rounds to two decimals, never returning -0 (means on a 1–5 or 1–7 scale). */
export function roundTwoDecimals(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}
