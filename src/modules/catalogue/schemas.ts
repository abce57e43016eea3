import { SeasonCode as SeasonCodeSchema } from '../../http/schemas.ts';
import { Type, type Static } from '@sinclair/typebox';
import { CountryCode, Limit, LongText, Obj, StringEnum, Text, Uuid } from '../../http/schemas.ts';
import { priceComponents } from '../../shared/pricing.ts';

/** Text in several languages, keyed by ISO 639-1 code: `{ "ar": "…", "en": "…" }`. */
const Localized = (maxLength: number, multiLine = false) =>
  Type.Record(Type.String({ pattern: '^[a-z]{2}$' }), multiLine ? LongText({ maxLength }) : Text({ maxLength }), {
    minProperties: 1,
    maxProperties: 12,
  });

export const Season = () => SeasonCodeSchema();
const Halalas = (max = 1_000_000_000) => Type.Integer({ minimum: 0, maximum: max, description: 'Halalas (1 SAR = 100)' });
const Metres = () => Type.Integer({ minimum: 0, maximum: 50_000 });
export const CampCategory = StringEnum(['A', 'B', 'C', 'D'] as const);
export const PackageType = StringEnum(['dedicated', 'general'] as const);
const Language = () => Type.String({ pattern: '^[a-z]{2}$', maxLength: 2 });

export const PriceLineInputSchema = Obj({
  component: StringEnum(priceComponents),
  net: Halalas(),
  vatCategory: Type.Optional(StringEnum(['standard', 'zero'] as const)),
});

/** A package's content: everything a pilgrim compares. */
export const PackageBody = Obj({
  season: Season(),
  capacity: Type.Integer({ minimum: 1, maximum: 100_000 }),
  title: Localized(150),
  description: Localized(5000, true),
  type: PackageType,
  departureCity: Type.Optional(Text({ maxLength: 100 })),
  makkah: Obj({ hotel: Text({ maxLength: 150 }), distanceM: Metres(), roomOccupancy: Type.Integer({ minimum: 1, maximum: 8 }) }),
  madinah: Type.Optional(Obj({ hotel: Text({ maxLength: 150 }), distanceM: Metres() })),
  minaCamp: CampCategory,
  arafatService: Text({ maxLength: 200 }),
  meals: StringEnum(['none', 'breakfast', 'half_board', 'full_board'] as const),
  transport: StringEnum(['bus', 'train'] as const),
  guidanceLanguages: Type.Array(Language(), { minItems: 1, maxItems: 12, uniqueItems: true }),
  insurance: Type.Boolean(),
  eligibleCountries: Type.Array(CountryCode(), { minItems: 1, maxItems: 250, uniqueItems: true }),
  priceLines: Type.Array(PriceLineInputSchema, { minItems: 1, maxItems: priceComponents.length }),
});
export type PackageInput = Static<typeof PackageBody>;

export const PackageIdParams = Obj({ id: Uuid() });
export const VersionParams = Obj({ id: Uuid(), version: Type.Integer({ minimum: 1, maximum: 100_000 }) });
export const MyPackagesQuery = Obj({ status: Type.Optional(StringEnum(['draft', 'published', 'closed'] as const)) });

const csv = (pattern: string, maxLength: number) => Type.String({ pattern: `^${pattern}(,${pattern})*$`, maxLength });
export const CatalogueQuery = Obj({
  country: Type.Optional(CountryCode()),
  season: Type.Optional(Season()),
  minPrice: Type.Optional(Halalas(1e11)),
  maxPrice: Type.Optional(Halalas(1e11)),
  camp: Type.Optional(csv('[A-D]', 7)),
  maxDistance: Type.Optional(Metres()),
  type: Type.Optional(PackageType),
  language: Type.Optional(Language()),
  provider: Type.Optional(Uuid()),
  sort: StringEnum(['price_asc', 'price_desc', 'distance', 'newest'] as const, { default: 'price_asc' }),
  limit: Limit(50, 20),
  offset: Type.Integer({ minimum: 0, maximum: 10_000, default: 0 }),
});
export type CatalogueFilter = Static<typeof CatalogueQuery>;

export const CompareQuery = Obj({ ids: csv('[0-9a-f-]{36}', 5 * 37) });

const PriceLineSchema = Type.Object({
  component: Type.String(),
  net: Type.Integer(),
  vatCategory: Type.String(),
  vat: Type.Integer(),
  gross: Type.Integer(),
});
const Nullable = <T extends ReturnType<typeof Type.String | typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);

/** What every reader sees of a package version's content (text already in the reader's language). */
const ContentFields = {
  version: Type.Integer(),
  season: Type.String(),
  type: Type.String(),
  departureCity: Nullable(Type.String()),
  makkah: Type.Object({ hotel: Type.String(), distanceM: Type.Integer(), roomOccupancy: Type.Integer() }),
  madinah: Type.Union([Type.Object({ hotel: Type.String(), distanceM: Type.Integer() }), Type.Null()]),
  minaCamp: Type.String(),
  arafatService: Type.String(),
  meals: Type.String(),
  transport: Type.String(),
  guidanceLanguages: Type.Array(Type.String()),
  insurance: Type.Boolean(),
  eligibleCountries: Type.Array(Type.String()),
  price: Type.Object({ lines: Type.Array(PriceLineSchema), subtotal: Type.Integer(), vat: Type.Integer(), total: Type.Integer() }),
};

export const CatalogueItemSchema = Type.Object({
  id: Type.String(),
  ...ContentFields,
  title: Type.String(),
  titleLanguage: Type.String(),
  description: Type.String(),
  descriptionLanguage: Type.String(),
  availability: StringEnum(['open', 'few_left', 'full'] as const),
  provider: Type.Object({ id: Type.String(), name: Type.String(), licenceNumber: Type.String() }),
  scorecard: Type.Null({ description: 'Filled by the Voice of the Guest observatory' }),
  publishedAt: Nullable(Type.String()),
});
export const CataloguePageSchema = Type.Object({ items: Type.Array(CatalogueItemSchema), total: Type.Integer() });

export const PackageDetailSchema = Type.Object({
  id: Type.String(),
  providerId: Type.String(),
  status: StringEnum(['draft', 'published', 'closed'] as const),
  capacity: Type.Integer(),
  seatsTaken: Type.Integer(),
  availability: StringEnum(['open', 'few_left', 'full'] as const),
  currentVersion: Type.Integer(),
  ...ContentFields,
  title: Type.Record(Type.String(), Type.String()),
  description: Type.Record(Type.String(), Type.String()),
  createdAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  allowedActions: Type.Array(StringEnum(['update', 'publish', 'close'] as const), { description: 'What you may do with this package now (owners and managers of its provider)' }),
});
