import { Type } from '@sinclair/typebox';
import { healthConditions } from './pilgrims.ts';
import { locales } from '../i18n.ts';
import { LongText, Obj, StringEnum } from './kit.ts';

/**
 * The season settings the ministry fills in as forms: the calendar, seats per
 * country, eligibility rules, the refund schedule, the instalment plan and
 * the open sale's settings. The server validates with these and the web's
 * forms check them before sending.
 */

const Instant = () => Type.String({ format: 'date-time', maxLength: 40 });
const Day = () => Type.String({ format: 'date', maxLength: 10 });

export const calendarInstants = ['registrationOpens', 'preferenceOpens', 'preferenceCloses', 'drawAt', 'offersClose', 'openSaleAt', 'visaCutoff'] as const;
export const calendarDays = ['referenceDate', 'arrivalDate', 'seasonEnd'] as const;

export const CalendarBody = Obj({
  registrationOpens: Instant(),
  preferenceOpens: Instant(),
  preferenceCloses: Instant(),
  drawAt: Instant(),
  offersClose: Instant(),
  openSaleAt: Instant(),
  visaCutoff: Instant(),
  referenceDate: Day(),
  arrivalDate: Day(),
  seasonEnd: Day(),
});

export const SeatsBody = Obj({ seats: Type.Integer({ minimum: 0, maximum: 1_000_000 }) });

/** A rule's message: Arabic and English required, the platform's other languages optional (English is shown where one is missing). */
const Message = Obj({
  ar: LongText({ maxLength: 500 }),
  en: LongText({ maxLength: 500 }),
  ...Object.fromEntries(locales.filter((l) => l !== 'ar' && l !== 'en').map((l) => [l, Type.Optional(LongText({ maxLength: 500 }))])),
});
const Count = (max: number) => Type.Integer({ minimum: 0, maximum: max });
const rule = <C extends string, P extends Parameters<typeof Obj>[0]>(code: C, params: P) =>
  Obj({ code: Type.Literal(code), params: Obj(params), message: Message });
export const RuleSchema = Type.Union([
  rule('min_age', { years: Count(100) }),
  rule('passport_valid_after_season', { months: Count(60) }),
  rule('meningococcal_vaccination', { minDaysBeforeArrival: Count(365), maxYearsBeforeArrival: Count(20) }),
  rule('residence_in_programme', {}),
  rule('no_booking_this_season', {}),
  rule('health_exclusions', { excluded: Type.Array(StringEnum(healthConditions), { maxItems: healthConditions.length, uniqueItems: true }) }),
]);
export const RulesBody = Obj({ rules: Type.Array(RuleSchema, { minItems: 1, maxItems: 50 }) });

/** A line of a season's refund schedule. */
export const RefundRule = Type.Object({ minDaysBefore: Type.Integer({ minimum: 0, maximum: 1000 }), feeBps: Type.Integer({ minimum: 0, maximum: 10_000, description: 'Fee kept, in basis points of what was paid' }) }, { additionalProperties: false });
export const RefundScheduleBody = Obj({ rules: Type.Array(RefundRule, { minItems: 1, maxItems: 10 }) });

/** A step of a season's instalment plan: a percentage of the price, due by the offer's deadline (null) or some days before arrival. */
export const InstalmentStep = Type.Object({ percent: Type.Integer({ minimum: 1, maximum: 100 }), daysBeforeArrival: Type.Union([Type.Integer({ minimum: 0, maximum: 720 }), Type.Null()]) }, { additionalProperties: false });
export const InstalmentPlanBody = Obj({ steps: Type.Array(InstalmentStep, { minItems: 1, maxItems: 6 }) });

export const SaleSettingsBody = Obj({
  admitPerMinute: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  firstBatch: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  tokenMinutes: Type.Integer({ minimum: 1, maximum: 120 }),
  holdMinutes: Type.Integer({ minimum: 5, maximum: 10080 }),
});
