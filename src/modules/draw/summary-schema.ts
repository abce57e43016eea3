import { Type } from '@sinclair/typebox';
import { StringEnum } from '../../common/schemas/kit.ts';

/** The result tables and the fairness audit of a drawn season, as the API answers them (resultTables and fairnessAudit in domain/). */

const Tally = { entries: Type.Integer(), pilgrims: Type.Integer(), winners: Type.Integer(), seatsWon: Type.Integer(), odds: Type.Number({ description: 'winners / entries' }) };

const ChiSquare = Type.Object({
  statistic: Type.Number(),
  df: Type.Integer(),
  pValue: Type.Number(),
  minExpected: Type.Number({ description: 'The smallest expected count of any cell' }),
  sufficient: Type.Boolean({ description: 'Whether the data are enough for the test to mean anything (Cochran\'s rule); when false the p-value is not judged' }),
});

export const DrawSummarySchema = Type.Object({
  tables: Type.Object({
    entries: Type.Integer(),
    winners: Type.Integer(),
    waiting: Type.Integer(),
    countries: Type.Array(Type.Object({ country: Type.String(), quota: Type.Integer(), ...Tally })),
    familySizes: Type.Array(Type.Object({ size: Type.Integer(), ...Tally })),
    choiceRanks: Type.Array(Type.Object({ rank: Type.Integer(), winners: Type.Integer(), share: Type.Number() })),
    packages: Type.Array(Type.Object({ packageId: Type.String(), capacity: Type.Integer(), seatsWon: Type.Integer(), families: Type.Integer() })),
  }),
  fairness: Type.Array(Type.Object({
    factor: StringEnum(['submission_time', 'family_size', 'country'] as const),
    groups: Type.Array(Type.Object({ label: Type.String({ description: 'The group (a country code, a size, a tenth of submission time), or `other` for pooled small groups' }), entries: Type.Integer(), winners: Type.Integer(), winRate: Type.Number(), meanPositionShare: Type.Number() })),
    order: ChiSquare,
    winners: ChiSquare,
    flagged: Type.Boolean({ description: 'A test that must pass failed at the audit\'s significance level' }),
  })),
});
