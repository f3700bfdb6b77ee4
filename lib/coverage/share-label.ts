/**
 * A share as a whole percent, but never "0%" for something that is not zero (nor "100%"
 * for something short of it): a kelurahan listed as still needing help shows "<1%".
 */
export function shareLabel(share: number, percent: (value: number) => string, belowOne: string): string {
  if (share > 0 && share < 0.005) return belowOne;
  if (share < 1 && share >= 0.995) return percent(0.99);
  return percent(share);
}
