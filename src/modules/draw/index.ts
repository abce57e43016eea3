export { drawErrors } from './errors.ts';
export { createDrawService, defaultPools, type DrawService } from './service.ts';
export { createCascade } from './cascade.ts';
export { drawRoutes } from './routes.ts';
export { verifyFiles, type Verdict } from './domain/verify.ts';
export { ALGORITHM, drawFileNames, type DrawFiles, type DrawFileName } from './domain/files.ts';
export { computeDraw, resultRows } from './domain/publication.ts';
export { simulateSeason, type SimulationSpec } from './domain/simulate.ts';
export { buildVectors as buildDrawVectors, tamperedCase } from './domain/vectors.ts';
export { freezeInstantFor, knownRounds, knownSignature } from './domain/known-rounds.ts';
export { shareToBps } from './domain/allocate.ts';
export { fairnessAudit } from './domain/fairness.ts';
export type { DrawParameters } from './domain/allocate.ts';
export type { DrawEntry } from './domain/entries.ts';
export { canonicalRecord } from './domain/entries.ts';
// The draw benchmark times the persistence path itself (bench/draw.ts).
export { createDrawRepository, type ResultRow } from './repository.ts';
export { DrawSchema } from './schemas.ts';
export { drawPolicy } from './policies.ts';
