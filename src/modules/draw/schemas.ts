import { Type } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../../shared/schemas/kit.ts';
import { DrawSummarySchema } from './summary-schema.ts';
import { drawPolicy } from './policies.ts';

/** A season's draw as the API shows it. */
export const drawStatuses = ['none', 'frozen', 'seeded', 'drawn', 'published'] as const;
export const DrawActions = Type.Array(StringEnum(drawPolicy.actions), { description: 'The steps you may take now (a client shows exactly these)' });
export const DrawSchema = Type.Object({
  season: Type.String(),
  status: StringEnum(drawStatuses.filter((s) => s !== 'none')),
  commitment: Type.Object({ algorithm: Type.String(), season: Type.String(), merkleRoot: Type.String(), entryCount: Type.Integer(), parametersHash: Type.String(), frozenAt: Type.String() }),
  pools: Type.Array(Type.Object({ code: Type.String(), share: Type.Optional(Type.Number()) })),
  offerHours: Type.Integer(),
  randomValue: Nullable(Type.String()),
  randomSource: Nullable(Type.String()),
  seed: Nullable(Type.String()),
  seededAt: Nullable(Type.String()),
  drawnAt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  summary: Nullable({ ...DrawSummarySchema, description: 'Result tables and the fairness audit: for the ministry once drawn, for everyone once published' }),
  allowedActions: DrawActions,
});
