import { Type } from '@sinclair/typebox';
import { Nullable, Obj, StringEnum, Text } from './kit.ts';

/**
 * The bodies the permits API accepts (src/modules/permits), here so that the
 * web app checks its forms against the very schemas the server validates
 * with: sites, gates, templates, window generation, rules, closures; the
 * pilgrim's documents and bookings.
 */
export const sections = ['men', 'women'] as const;
export const Section = () => StringEnum(sections);
const Day = (description = 'A Saudi calendar day') => Type.String({ format: 'date', maxLength: 10, description });
export const DayQuery = Day;
const HoursSchema = Obj({ from: Type.Integer({ minimum: 0, maximum: 1440, description: 'Minutes after midnight, Saudi time' }), to: Type.Integer({ minimum: 1, maximum: 1440 }) });
const SectionHours = Obj({ section: Section(), hours: Type.Array(HoursSchema, { minItems: 1, maxItems: 12 }) });
const RuleKinds = ['per_hijri_month', 'per_days', 'max_active', 'min_gap_hours'] as const;

export const RuleSchema = Obj({
  code: Type.String({ pattern: '^[a-z][a-z0-9-]{1,59}$', maxLength: 60 }),
  kind: StringEnum(RuleKinds, { description: 'per_hijri_month (hijriMonth, maxCount), per_days (days, maxCount), max_active (maxCount), min_gap_hours (gapHours)' }),
  hijriMonth: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 12 }))),
  days: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 3650 }))),
  maxCount: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1000 }))),
  gapHours: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 87600 }))),
  appliesFrom: Type.Optional(Nullable(Day('First day (Saudi) of the windows the rule holds for'))),
  appliesTo: Type.Optional(Nullable(Day('Last day'))),
});
export const PenaltyRuleSchema = Obj({ trigger: StringEnum(['no_show', 'late_cancel'] as const), banDays: Type.Integer({ minimum: 1, maximum: 3650 }) });

export const SiteBody = Obj({
  code: Type.String({ pattern: '^[a-z][a-z0-9-]{1,39}$', maxLength: 40, examples: ['rawdah'] }),
  kind: StringEnum(['umrah', 'rawdah', 'other'] as const),
  nameAr: Text({ maxLength: 120 }),
  nameEn: Text({ maxLength: 120 }),
  maxGroup: Type.Integer({ minimum: 1, maximum: 20, description: 'Largest group one person books (all in one window and section)' }),
  offerMinutes: Type.Integer({ minimum: 1, maximum: 1440, description: 'How long a waiting-list offer is held' }),
  cancelLeadMinutes: Type.Integer({ minimum: 0, maximum: 10080, description: 'Cancelling at least this long before the window carries no penalty' }),
  gateMaxOfflineMinutes: Type.Integer({ minimum: 5, maximum: 10080, description: 'Past this age of its last sync a gate refuses to admit offline' }),
  sections: Type.Array(SectionHours, { minItems: 1, maxItems: 2 }),
});
export const SiteUpdateBody = Obj({
  nameAr: Text({ maxLength: 120 }), nameEn: Text({ maxLength: 120 }), maxGroup: Type.Integer({ minimum: 1, maximum: 20 }), offerMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
  cancelLeadMinutes: Type.Integer({ minimum: 0, maximum: 10080 }), gateMaxOfflineMinutes: Type.Integer({ minimum: 5, maximum: 10080 }), sections: Type.Array(SectionHours, { minItems: 1, maxItems: 2 }),
});
export const GateBody = Obj({ number: Type.Integer({ minimum: 1, maximum: 255 }), nameAr: Text({ maxLength: 120 }), nameEn: Text({ maxLength: 120 }), sections: Type.Array(Section(), { minItems: 1, maxItems: 2, uniqueItems: true }) });
export const TemplateBody = Obj({
  name: Text({ maxLength: 120 }), windowMinutes: Type.Integer({ minimum: 5, maximum: 720 }), capacity: Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Places per window, per section' }),
  earlyGraceMinutes: Type.Integer({ minimum: 0, maximum: 120 }), lateGraceMinutes: Type.Integer({ minimum: 0, maximum: 120 }),
});
const HijriDay = Obj({ year: Type.Integer({ minimum: 1400, maximum: 1600 }), month: Type.Integer({ minimum: 1, maximum: 12 }), day: Type.Integer({ minimum: 1, maximum: 30 }) });
export const GenerateBody = Obj({
  templateId: Type.String({ format: 'uuid', maxLength: 36 }),
  range: Type.Union([
    Obj({ calendar: Type.Literal('gregorian'), from: Day(), to: Day() }),
    Obj({ calendar: Type.Literal('hijri'), from: HijriDay, to: HijriDay }),
    Obj({ calendar: Type.Literal('hijri_month'), year: Type.Integer({ minimum: 1400, maximum: 1600 }), month: Type.Integer({ minimum: 1, maximum: 12 }) }),
  ], { description: 'Days in the Gregorian calendar, in the Umm al-Qura calendar, or a whole Hijri month (a Ramadan)' }),
  sections: Type.Optional(Type.Array(Section(), { minItems: 1, maxItems: 2, uniqueItems: true })),
  release: Type.Union([
    Obj({ daysBefore: Type.Integer({ minimum: 0, maximum: 365 }), atMinute: Type.Integer({ minimum: 0, maximum: 1439, description: 'Saudi time, minutes after midnight' }) }),
    Obj({ at: Type.String({ format: 'date-time', maxLength: 40 }) }),
  ], { description: 'When each window opens for booking: days before its day at a time, or one instant for all' }),
});
export const RulesBody = Obj({ rules: Type.Array(RuleSchema, { maxItems: 20 }), penalties: Type.Array(PenaltyRuleSchema, { maxItems: 2 }) });
export const CloseBody = Obj({ windowIds: Type.Array(Type.String({ format: 'uuid', maxLength: 36 }), { minItems: 1, maxItems: 2000, uniqueItems: true }), reason: Text({ maxLength: 300 }) });

export const PersonBody = Obj({
  kind: StringEnum(['national_id', 'iqama', 'passport'] as const),
  number: Type.String({ pattern: '^[A-Za-z0-9 -]{4,20}$', maxLength: 20 }),
  nationality: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', maxLength: 2, description: 'Passports: the issuing country (ISO 3166 alpha-2)' })),
  visaNumber: Type.Optional(Type.String({ pattern: '^[0-9]{6,20}$', maxLength: 20, description: 'Passports: the visa\'s number' })),
  self: Type.Optional(Type.Boolean({ description: 'Your own document (one per account); otherwise a companion' })),
});
export const BookBody = Obj({ windowId: Type.String({ format: 'uuid', maxLength: 36 }), personIds: Type.Array(Type.String({ format: 'uuid', maxLength: 36 }), { minItems: 1, maxItems: 20, description: 'The group: people verified on your account, member 1 first' }) });
