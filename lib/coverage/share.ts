// How much of a set of needs is still uncovered, as one unit-free number.
//
// Needs are counted in different units (food packages, devices, metres of path), so
// quantities cannot be added across units. Each need's own gap, (target − pledged) / target,
// is weighted by the people it serves: the share is the part of the beneficiaries whose
// need is not yet pledged. For needs of one unit with beneficiaries proportional to the
// target this is exactly Σ(target − pledged) / Σ target.
//
// The SQL in queries.ts computes the same thing; tests check both against each other.

export interface ShareInput {
  targetQuantity: number;
  pledgedQuantity: number;
  beneficiaryCount: number;
}

/** Beneficiaries of one need not yet covered by a pledge (may be fractional). */
export function uncoveredBeneficiaries(need: ShareInput): number {
  if (need.targetQuantity <= 0) return 0;
  const gap = Math.max(0, need.targetQuantity - need.pledgedQuantity);
  return (need.beneficiaryCount * gap) / need.targetQuantity;
}

/** Uncovered share in [0, 1]; null when there is no need to cover (so "nothing listed" is never shown as "covered"). */
export function uncoveredShare(needs: readonly ShareInput[]): number | null {
  let beneficiaries = 0;
  let uncovered = 0;
  for (const need of needs) {
    beneficiaries += need.beneficiaryCount;
    uncovered += uncoveredBeneficiaries(need);
  }
  if (needs.length === 0) return null;
  return beneficiaries > 0 ? uncovered / beneficiaries : 0;
}

/** Share from already-summed figures (as the SQL returns them). */
export function shareOf(beneficiaries: number, uncovered: number, needs: number): number | null {
  if (needs === 0) return null;
  return beneficiaries > 0 ? Math.min(1, Math.max(0, uncovered / beneficiaries)) : 0;
}
