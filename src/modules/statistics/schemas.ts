import { Type } from '@sinclair/typebox';
import { Nullable, Obj, SeasonCode, StringEnum } from '../../common/schemas/kit.ts';
import { dimensions } from '../../common/statistics.ts';
import { batchKinds, batchSources } from './domain/batch.ts';
import { openDataFiles } from './open-data.ts';

const Count = () => Type.Integer({ minimum: 0 });
const Name = Type.Object({ en: Type.String(), ar: Type.String() });

export const SeasonParams = Obj({ season: SeasonCode() });
export const OpenDataParams = Obj({ season: SeasonCode(), file: StringEnum(openDataFiles) });

/** One season in the format of data/hajj-seasons.json. */
export const SeasonFiguresSchema = Type.Object({
  season: Type.String(), gregorianYear: Type.Integer(), total: Count(),
  residence: Type.Object({ foreign: Count(), domestic: Count() }),
  gender: Type.Object({ male: Count(), female: Count() }),
  foreignByRegion: Type.Object({ arab: Count(), asia: Count(), africa: Count(), europeAmericasOceania: Count() }),
  foreignByArrival: Type.Object({ air: Count(), land: Count(), sea: Count() }),
  makkahRoute: Count(),
}, { title: 'SeasonFigures' });

const Flag = Nullable(StringEnum(['C', 'D'] as const, { description: 'C: a count of 1 to 9 people, withheld; D: withheld so that a C cannot be worked out from the total' }));
export const StatTableSchema = Type.Object({
  id: Type.String({ description: 'total, residence, gender, gender_by_residence, foreign_by_region, foreign_by_arrival, makkah_route, region_by_arrival, nationality, nationality_by_arrival, entry_port, port_by_date, residence_by_date, age_by_gender, departures_by_port_date; for a mission: arrival_mode, arrival_date' }),
  dimensions: Type.Array(StringEnum(dimensions)),
  population: StringEnum(['all', 'foreign', 'departed'] as const),
  total: Nullable(Count()),
  totalFlag: Flag,
  cells: Type.Array(Type.Object({ key: Type.Array(Type.String(), { description: 'One code per dimension, in order (dates YYYY-MM-DD, ages "45-49", makkah_route yes/no)' }), value: Nullable(Count()), flag: Flag })),
}, { title: 'StatTable' });

const Labels = Type.Object({
  region: Type.Record(Type.String(), Name),
  entryPort: Type.Record(Type.String(), Type.Object({ en: Type.String(), ar: Type.String(), mode: Type.String() })),
  nationality: Type.Record(Type.String(), Name),
});
const SeasonDaysFields = { season: Type.String(), hijriYear: Type.Integer(), gregorianYear: Type.Integer(), dayOfArafah: Type.String({ description: '9 Dhu al-Hijjah on the Umm al-Qura calendar, YYYY-MM-DD' }) };

export const SeasonTablesSchema = Type.Object({
  ...SeasonDaysFields,
  disclosure: StringEnum(['public', 'full'] as const),
  records: Count(),
  sources: Type.Record(Type.String(), Count(), { description: 'Records by where they came from: direct (the platform\'s bookings), hajj_office, domestic_hajj, border, simulator' }),
  computedAt: Type.String(),
  tables: Type.Array(StatTableSchema),
  labels: Labels,
});

export const CountryTablesSchema = Type.Object({ ...SeasonDaysFields, country: Type.String(), computedAt: Type.String(), tables: Type.Array(StatTableSchema), labels: Labels });

export const SeasonListSchema = Type.Array(Type.Object({
  season: Type.String(), hijriYear: Type.Integer(), gregorianYear: Type.Integer(),
  status: StringEnum(['complete', 'building', 'none'] as const, { description: 'none: only official figures, no records' }),
  build: Nullable(Type.Object({ done: Count(), total: Count() })),
  figures: Nullable(SeasonFiguresSchema),
  official: Nullable(SeasonFiguresSchema),
  matchesOfficial: Nullable(Type.Boolean()),
}));

const BatchValue = Type.Union([Type.String({ maxLength: 40, pattern: '^[^\\u0000-\\u001F\\u007F-\\u009F]*$' }), Type.Integer({ minimum: 0, maximum: 200 }), Type.Boolean(), Type.Null()]);
export const BatchBody = Obj({
  kind: StringEnum(batchKinds),
  source: StringEnum(batchSources, { description: 'hajj_office: a country\'s Hajj office (foreign pilgrims); domestic_hajj: the domestic programme; border: the border authority' }),
  records: Type.Array(Type.Record(Type.String({ pattern: '^[a-z_]{1,20}$' }), BatchValue, { maxProperties: 12 }), { minItems: 1, maxItems: 20_000, description: 'arrivals: document, issuer, residence, nationality, gender, age, entry_port, arrival_date, makkah_route; departures: document, issuer, departure_port, departure_date' }),
});
export const BatchCsvParams = Obj({ season: SeasonCode(), kind: { ...StringEnum(batchKinds), examples: ['arrivals'] }, source: { ...StringEnum(batchSources), examples: ['border'] } });
export const BatchCsv = Type.String({ minLength: 1, maxLength: 2_000_000, description: 'text/csv: a header naming the kind\'s columns, then one line per pilgrim' });
export const BatchResult = Type.Object({
  batchId: Type.String(), kind: StringEnum(batchKinds), source: StringEnum(batchSources), records: Count(),
  recorded: Type.Integer({ minimum: 0, description: 'Records written by this request: 0 when the same batch was sent before' }),
  duplicate: Type.Boolean({ description: 'True when this batch was recorded before: it is counted once' }),
});
export const BatchList = Type.Array(Type.Object({ id: Type.String(), kind: Type.String(), source: Type.String(), records: Count(), submittedAt: Type.String() }));

export const UmrahParams = Obj({ year: Type.Integer({ minimum: 2019, maximum: 2035, examples: [2025] }) });
export const UmrahSchema = Type.Object({
  year: Type.Integer(),
  available: Type.Boolean({ description: 'False only when no permit system is connected (then every figure is null and no table is given); a year without check-ins reads zero' }),
  targets: Type.Array(Type.Object({ year: Type.Integer(), foreignUmrahPilgrims: Count() })),
  target: Nullable(Count()),
  foreignUmrahPilgrims: Nullable(Count()),
  shareOfTarget: Nullable(Type.Number()),
  tables: Type.Array(StatTableSchema),
});
