import { Type, type Static } from '@sinclair/typebox';
import { priceComponents } from '../pricing.ts';
import { locales } from '../i18n.ts';
import { CountryCode, LongText, Obj, SeasonCode, StringEnum, Text } from './kit.ts';

/** A package's content as providers write it: the server validates with this schema and the web's package form checks it before sending. */

/** One of the platform's languages (src/common/i18n.ts), the languages content may be written in. */
export const ContentLanguage = () => Type.String({ pattern: `^(${locales.join('|')})$`, maxLength: 2 });

/** Text in the platform's languages, keyed by ISO 639-1 code: `{ "ar": "…", "en": "…", "ur": "…" }`. */
const Localized = (maxLength: number, multiLine = false) =>
  Type.Record(ContentLanguage(), multiLine ? LongText({ maxLength }) : Text({ maxLength }), {
    minProperties: 1,
    maxProperties: 12,
  });

export const Season = () => SeasonCode();
export const Halalas = (max = 1_000_000_000) => Type.Integer({ minimum: 0, maximum: max, description: 'Halalas (1 SAR = 100)' });
export const Metres = () => Type.Integer({ minimum: 0, maximum: 50_000 });
export const CampCategory = StringEnum(['A', 'B', 'C', 'D'] as const);
export const PackageType = StringEnum(['dedicated', 'general'] as const);
export const Language = () => Type.String({ pattern: '^[a-z]{2}$', maxLength: 2 });

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

