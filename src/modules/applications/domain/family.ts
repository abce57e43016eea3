/** A family applies together: an admin and up to seven members, all living in one country. */
export const MAX_FAMILY = 8;
export const MAX_CHOICES = 5;

export type FamilyProblem = 'family_full' | 'different_country' | 'already_member';

export function canAddMember(family: { members: { accountId: string; country: string }[] }, candidate: { accountId: string; country: string }): FamilyProblem | null {
  if (family.members.some((m) => m.accountId === candidate.accountId)) return 'already_member';
  if (family.members.length >= MAX_FAMILY) return 'family_full';
  if (family.members.some((m) => m.country !== candidate.country)) return 'different_country';
  return null;
}

export type ChoiceProblem =
  | { problem: 'too_many'; max: number }
  | { problem: 'duplicate' }
  | { problem: 'not_on_sale'; packageId: string }
  | { problem: 'not_open_to_country'; packageId: string }
  | { problem: 'too_small'; packageId: string }
  | { problem: 'other_season'; packageId: string };

export interface PackageFacts {
  id: string;
  onSale: boolean;
  season: string;
  capacity: number;
  eligibleCountries: string[];
}

/**
 * A ranking is valid when it names at most five different packages, each on
 * sale for the season, open to the family's country, and with at least as many
 * seats as the family has members.
 */
export function checkRanking(ranking: string[], family: { size: number; country: string; season: string }, packages: Map<string, PackageFacts>): ChoiceProblem | null {
  if (ranking.length > MAX_CHOICES) return { problem: 'too_many', max: MAX_CHOICES };
  if (new Set(ranking).size !== ranking.length) return { problem: 'duplicate' };
  for (const id of ranking) {
    const p = packages.get(id);
    if (!p || !p.onSale) return { problem: 'not_on_sale', packageId: id };
    if (p.season !== family.season) return { problem: 'other_season', packageId: id };
    if (!p.eligibleCountries.includes(family.country)) return { problem: 'not_open_to_country', packageId: id };
    if (p.capacity < family.size) return { problem: 'too_small', packageId: id };
  }
  return null;
}

/** A ranking problem as message parameters: the problem's code, and the package or the limit it names. */
export function rankingProblemParams(p: ChoiceProblem): Record<string, string | number> {
  if (p.problem === 'too_many') return { problem: p.problem, max: p.max };
  if (p.problem === 'duplicate') return { problem: p.problem };
  return { problem: p.problem, package: p.packageId };
}
