import { Type } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../../common/schemas/kit.ts';
import { DrawSummarySchema } from './summary-schema.ts';
import { drawPolicy } from './policies.ts';
import { CommitmentFileSchema, SeedFileSchema } from './domain/file-schemas.ts';

/** A season's draw as the API shows it. */
export const drawStatuses = ['none', 'frozen', 'seeded', 'drawn', 'published'] as const;
export const DrawActions = Type.Array(StringEnum(drawPolicy.actions), { description: 'The steps you may take now (a client shows exactly these)' });
export const DrawSchema = Type.Object({
  season: Type.String(),
  status: StringEnum(drawStatuses.filter((s) => s !== 'none')),
  algorithm: Type.String({ description: 'manasik-draw/2; a draw made under manasik-draw/1 shows no commitment and serves no files' }),
  commitment: Nullable(CommitmentFileSchema),
  pools: Type.Array(Type.Object({ code: Type.String(), shareBps: Type.Optional(Type.Integer()), share: Type.Optional(Type.Number({ description: 'shareBps / 10000, for display' })) })),
  offerHours: Type.Integer(),
  randomValue: Nullable(Type.String()),
  randomSource: Nullable(Type.String()),
  seed: Nullable(Type.String()),
  seedFile: Nullable(SeedFileSchema),
  seededAt: Nullable(Type.String()),
  drawnAt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  summary: Nullable({ ...DrawSummarySchema, description: 'Result tables and the fairness audit: for the ministry once drawn, for everyone once published' }),
  allowedActions: DrawActions,
});
