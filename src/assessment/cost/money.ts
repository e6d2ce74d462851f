/**
 * Rounding and time units of the cost model. Amounts are computed in full
 * precision and rounded once, per cost line, so that totals are the sums
 * of the lines as shown.
 */

/**
 * Hours in a year: 12 months of 730 hours, the month AWS uses to turn
 * hourly prices into monthly ones.
 */
export const HOURS_PER_YEAR = 8760;

export const MONTHS_PER_YEAR = 12;

/** Rounds to cents, halves away from zero. */
export function roundCents(amount: number): number {
  return roundTo(amount, 100);
}

/** Rounds to whole currency units, halves away from zero. */
export function roundWhole(amount: number): number {
  return roundTo(amount, 1);
}

/** Rounds up to one decimal place, so that a payback period is never shown shorter than computed. */
export function roundUpTenths(value: number): number {
  // The small tolerance keeps 2.4000000000000004 from becoming 2.5.
  return Math.ceil(value * 10 - 1e-9) / 10;
}

/** Adds amounts already rounded to cents, without binary fractions creeping in. */
export function sumCents(amounts: readonly number[]): number {
  const cents = amounts.reduce((total, amount) => total + Math.round(amount * 100), 0);
  return cents / 100;
}

function roundTo(amount: number, scale: number): number {
  // The tolerance absorbs binary error such as 0.115 * 100 = 11.499999999999998.
  const scaled = Math.abs(amount) * scale;
  const rounded = Math.round(scaled + 1e-7) / scale;
  return amount < 0 ? -rounded : rounded;
}
