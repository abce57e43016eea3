import { Type, type Static } from '@sinclair/typebox';
import { CountryCode, Limit, Obj, StringEnum, Uuid } from '../../common/schemas/kit.ts';
import { CampCategory, Halalas, Language, Metres, PackageBody, PackageType, PriceLineInputSchema, Season, type PackageInput } from '../../common/schemas/catalogue.ts';

/** The package form's body and its parts live in src/common/schemas/catalogue.ts, which the web app shares. */
export { CampCategory, PackageBody, PackageType, PriceLineInputSchema, Season, type PackageInput };

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
  scorecard: Type.Union([Type.Null(), Type.Object({
    providerId: Type.String(), computedAt: Type.String({ format: 'date-time' }),
    csat: Type.Unknown(), nps: Type.Unknown(), adherence: Type.Unknown(), complaintsPerThousand: Type.Unknown(), inspections: Type.Unknown(), publishMin: Type.Integer(), reply: Type.Unknown(),
  }, { description: 'The provider\'s public scorecard from the Voice of the Guest observatory (GET /scorecards/{providerId}); null until computed' })]),
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
