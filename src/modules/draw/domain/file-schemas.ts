import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { Commitment, SeedFile } from '../../../common/draw/files.ts';
import type { DrawParameters } from './allocate.ts';

/**
 * JSON Schemas (2020-12) of every published file of the draw: served beside
 * the files (/api/v1/seasons/{season}/draw/files/{name}.schema.json), written
 * to docs/algorithms/draw-schemas/ by `npm run draw:vectors`, and checked by
 * both verifiers. For an .ndjson file the schema is that of one line.
 */
const strict = { additionalProperties: false } as const;
const Printable = (options: object) => Type.String({ pattern: '^[ -~]*$', ...options });
/** Any Unicode text without control characters (the human descriptions of a declared source). */
const Prose = (options: object) => Type.String({ minLength: 1, pattern: '^[^\\u0000-\\u001f\\u007f]+$', ...options });
const Hex64 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 digest, lower-case hex' });
const Id = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', description: 'a UUID in lower case' });
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 country of residence' });
const PoolCode = Type.String({ pattern: '^[a-z][a-z0-9_]{1,30}$', not: { const: 'open' }, description: 'a pool code; never "open", the name of the final phase' });
const Time = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$', description: 'UTC, milliseconds, e.g. 2027-03-01T09:00:00.000Z' });
const Season = Type.String({ pattern: '^[0-9]{4}H$', description: 'the season, by its Hijri year' });
/** Integers stay within I-JSON's range (RFC 7493), which RFC 8785 relies on. */
const Count = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
const Positive = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
/** Seats of a package or a quota: at most a billion, so that every sum and product of the allocation is exact in any integer type of 32 bits or more. */
const Seats = Type.Integer({ minimum: 0, maximum: 1_000_000_000 });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

const DrandSource = Type.Object({
  kind: Type.Literal('drand'),
  chain: Printable({ description: 'the beacon, e.g. quicknet' }),
  chainHash: Hex64,
  scheme: Type.Literal('bls-unchained-g1-rfc9380'),
  publicKey: Type.String({ pattern: '^[0-9a-f]{192}$', description: 'compressed G2 point' }),
  genesisTime: Positive,
  period: Positive,
  delaySeconds: Count,
  round: Positive,
  roundTime: Time,
  url: Printable({ description: 'where anyone can look the round up' }),
}, strict);
const DeclaredSource = Type.Object({
  kind: Type.Literal('declared'),
  description: Prose({ description: 'exactly which future value will be used and how it is written' }),
  notBefore: Time,
}, strict);

export const CommitmentFileSchema = Type.Object({
  algorithm: Type.Literal('manasik-draw/2'),
  season: Season,
  frozenAt: Time,
  entryCount: Count,
  entriesHash: Hex64,
  merkleRoot: Hex64,
  parametersHash: Hex64,
  randomness: Type.Union([DrandSource, DeclaredSource]),
}, { ...strict, title: 'commitment.json' });

export const ParametersFileSchema = Type.Object({
  packages: Type.Array(Type.Object({ id: Id, seats: Seats }, strict), { description: 'every package any entry ranks, in ascending id order, with its free seats at the freeze' }),
  pools: Type.Array(Type.Object({ code: PoolCode, shareBps: Type.Optional(Type.Integer({ minimum: 1, maximum: 9999, description: 'reserved share in basis points (1 = 0.01 %)' })) }, strict), { minItems: 1, description: 'in the order their phases run' }),
  quotas: Type.Array(Type.Object({ country: Country, seats: Seats }, strict), { description: 'in ascending country order, with the free seats of each country\'s quota' }),
}, { ...strict, title: 'parameters.json' });

export const EntryLineSchema = Type.Object({
  choices: Type.Array(Id, { minItems: 1, uniqueItems: true, description: 'package ids, first choice first' }),
  country: Country,
  id: Id,
  pool: PoolCode,
  size: Type.Integer({ minimum: 1, maximum: 8 }),
}, { ...strict, title: 'a line of entries.ndjson' });

export const SeedFileSchema = Type.Object({
  season: Season,
  commitmentHash: Hex64,
  randomness: Type.Union([
    Type.Object({ kind: Type.Literal('drand'), round: Positive, signature: Type.String({ pattern: '^[0-9a-f]{96}$', description: 'compressed G1 point' }), randomness: Hex64 }, strict),
    Type.Object({ kind: Type.Literal('declared'), source: Prose({ description: 'where the value was published' }) }, strict),
  ]),
  value: Type.String({ minLength: 1, maxLength: 200, pattern: '^[ -~]+$', description: 'printable ASCII' }),
  seed: Hex64,
}, { ...strict, title: 'seed.json' });

export const ResultLineSchema = Type.Object({
  id: Id,
  outcome: Type.Union([Type.Literal('won'), Type.Literal('waiting')]),
  package: Nullable(Id),
  phase: Nullable(Type.String({ pattern: '^[a-z][a-z0-9_]{1,30}$', description: 'the pool whose reserved phase placed the family, or "open"' })),
  place: Positive,
  rank: Nullable(Positive),
  waitlist: Nullable(Positive),
}, { ...strict, title: 'a line of results.ndjson' });

export const ProofSchema = Type.Object({
  record: Type.String({ description: 'the line of entries.ndjson, without its line feed' }),
  leafIndex: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'the line number minus one' }),
  merkleRoot: Hex64,
  proof: Type.Array(Type.Object({ side: Type.Union([Type.Literal('left'), Type.Literal('right')]), hash: Hex64 }, strict)),
}, { ...strict, title: 'a Merkle proof of inclusion' });

// The schemas describe exactly the types the code writes (src/common/draw/files.ts): checked both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const schemasMatchTypes: [Same<Static<typeof CommitmentFileSchema>, Commitment>, Same<Static<typeof SeedFileSchema>, SeedFile>, Same<Static<typeof ParametersFileSchema>, DrawParameters>] = [true, true, true];

export const fileSchemas = {
  'commitment.schema.json': CommitmentFileSchema,
  'parameters.schema.json': ParametersFileSchema,
  'entries.schema.json': EntryLineSchema,
  'seed.schema.json': SeedFileSchema,
  'results.schema.json': ResultLineSchema,
  'proof.schema.json': ProofSchema,
} as const;
export type SchemaName = keyof typeof fileSchemas;

/** A schema as a standalone JSON Schema document. */
export function schemaDocument(name: SchemaName): string {
  return `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: name, ...JSON.parse(JSON.stringify(fileSchemas[name])) }, null, 2)}\n`;
}
