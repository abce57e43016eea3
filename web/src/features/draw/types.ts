/** The draw as the API describes it (see src/modules/draw/routes.ts). */
export interface FactorAudit {
  factor: 'submission_time' | 'family_size' | 'country';
  groups: { label: string; entries: number; winners: number; winRate: number; meanPositionShare: number }[];
  order: { statistic: number; df: number; pValue: number };
  winners: { statistic: number; df: number; pValue: number };
  flagged: boolean;
}
export interface Row { entries: number; pilgrims: number; winners: number; seatsWon: number; odds: number }
export interface DrawView {
  season: string;
  status: 'frozen' | 'seeded' | 'drawn' | 'published';
  commitment: { algorithm: string; merkleRoot: string; entryCount: number; parametersHash: string; frozenAt: string };
  pools: { code: string; share?: number }[];
  offerHours: number;
  randomValue: string | null;
  randomSource: string | null;
  seed: string | null;
  drawnAt: string | null;
  publishedAt: string | null;
  summary: null | {
    tables: {
      entries: number; winners: number; waiting: number;
      countries: (Row & { country: string; quota: number })[];
      familySizes: (Row & { size: number })[];
      choiceRanks: { rank: number; winners: number; share: number }[];
      packages: { packageId: string; capacity: number; seatsWon: number; families: number }[];
    };
    fairness: FactorAudit[];
  };
}
export interface Booking {
  id: string; packageId: string; seats: number; source: string; status: string; holdDeadline: string | null; amountDue: number; amountPaid: number;
}
