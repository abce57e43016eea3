import { Type } from '@sinclair/typebox';
import { Nullable, Obj, StringEnum, Text } from '../../shared/schemas/kit.ts';
import { availabilityStates } from '../../shared/permits/availability.ts';
import { refusals } from '../../shared/permits/gate.ts';
import { permitBookingPolicy, waitPolicy } from './policies.ts';

export const sections = ['men', 'women'] as const;
export const Section = () => StringEnum(sections);
const Names = Type.Object({ ar: Type.String(), en: Type.String() });
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

export const SiteSchema = Type.Object({
  id: Type.String(), code: Type.String(), number: Type.Integer({ description: 'The site\'s number in permit tokens' }), kind: Type.String(), name: Names,
  maxGroup: Type.Integer(), offerMinutes: Type.Integer(), cancelLeadMinutes: Type.Integer(), gateMaxOfflineMinutes: Type.Integer(),
  sections: Type.Array(Type.Object({ section: Section(), hours: Type.Array(Type.Object({ from: Type.Integer(), to: Type.Integer() })) })),
  gates: Type.Array(Type.Object({ id: Type.String(), number: Type.Integer(), name: Names, sections: Type.Array(Section()) })),
  rules: Type.Array(Type.Object({ code: Type.String(), kind: Type.String(), hijriMonth: Type.Optional(Nullable(Type.Integer())), days: Type.Optional(Nullable(Type.Integer())), maxCount: Type.Optional(Nullable(Type.Integer())), gapHours: Type.Optional(Nullable(Type.Integer())), appliesFrom: Type.Optional(Nullable(Type.String())), appliesTo: Type.Optional(Nullable(Type.String())) })),
  penalties: Type.Array(Type.Object({ trigger: Type.String(), banDays: Type.Integer() })),
});
export const TemplateSchema = Type.Object({ id: Type.String(), site_id: Type.String(), name: Type.String(), window_minutes: Type.Integer(), capacity: Type.Integer(), early_grace_minutes: Type.Integer(), late_grace_minutes: Type.Integer() });

export const WindowSchema = Type.Object({
  id: Type.String(), section: Section(), startsAt: Type.String({ format: 'date-time' }), endsAt: Type.String({ format: 'date-time' }), capacity: Type.Integer(), remaining: Type.Integer(),
  state: StringEnum(availabilityStates), text: Type.String({ description: 'The state in words, in your language' }), colour: Type.String({ description: 'A badge colour beside the words (never alone)' }),
  releaseAt: Type.String({ format: 'date-time' }), closeReason: Nullable(Type.String()), allowedActions: Type.Array(StringEnum(['book', 'wait'] as const)),
});

export const PersonBody = Obj({
  kind: StringEnum(['national_id', 'iqama', 'passport'] as const),
  number: Type.String({ pattern: '^[A-Za-z0-9 -]{4,20}$', maxLength: 20 }),
  nationality: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', maxLength: 2, description: 'Passports: the issuing country (ISO 3166 alpha-2)' })),
  visaNumber: Type.Optional(Type.String({ pattern: '^[0-9]{6,20}$', maxLength: 20, description: 'Passports: the visa\'s number' })),
  self: Type.Optional(Type.Boolean({ description: 'Your own document (one per account); otherwise a companion' })),
});
export const PersonSchema = Type.Object({
  id: Type.String(), self: Type.Boolean(), documentKind: Type.String(), documentLast4: Type.String(), name: Type.String(), gender: StringEnum(['male', 'female'] as const), nationality: Type.String(), dateOfBirth: Type.String(),
  visaType: Nullable(Type.String()), validUntil: Nullable(Type.String()),
  penalties: Type.Array(Type.Object({ siteId: Type.String(), trigger: StringEnum(['no_show', 'late_cancel'] as const), until: Type.String({ format: 'date-time', description: 'No booking at this site before this moment' }) })),
});

export const BookBody = Obj({ windowId: Type.String({ format: 'uuid', maxLength: 36 }), personIds: Type.Array(Type.String({ format: 'uuid', maxLength: 36 }), { minItems: 1, maxItems: 20, description: 'The group: people verified on your account, member 1 first' }) });
export const PermitSchema = Type.Object({
  id: Type.String(), code: Type.String({ description: 'The 10-character code to type at a gate' }), memberIndex: Type.Integer(), personId: Type.String(), name: Type.String(), status: Type.String(),
  token: Type.String({ description: 'The signed token the QR code carries (docs/algorithms/permits.md)' }), keyId: Type.Integer(), checkedInAt: Nullable(Type.String({ format: 'date-time' })),
});
export const BookingSchema = Type.Object({
  id: Type.String(), status: StringEnum(['active', 'cancelled', 'closed'] as const), siteId: Type.String(), siteCode: Type.String(), siteName: Type.String(), windowId: Type.String(), section: Section(),
  startsAt: Type.String({ format: 'date-time' }), endsAt: Type.String({ format: 'date-time' }), gates: Type.Array(Type.Integer()), size: Type.Integer(), createdAt: Type.String({ format: 'date-time' }),
  permits: Type.Array(PermitSchema), allowedActions: Type.Array(StringEnum(permitBookingPolicy.actions)),
});
export const WaitSchema = Type.Object({
  id: Type.String(), windowId: Type.String(), size: Type.Integer(), personIds: Type.Array(Type.String()), status: Type.String(), ahead: Type.Union([Type.Integer(), Type.Null()]),
  offerDeadline: Nullable(Type.String({ format: 'date-time' })), bookingId: Nullable(Type.String()), allowedActions: Type.Array(StringEnum(waitPolicy.actions)),
});

export const GateConfigSchema = Type.Object({
  serverTime: Type.String({ format: 'date-time', description: 'The platform\'s time: the gate uses it, not its own clock' }),
  site: Type.Object({ id: Type.String(), code: Type.String(), number: Type.Integer(), name: Names }),
  gate: Type.Object({ id: Type.String(), number: Type.Integer(), name: Names, sections: Type.Array(Section()) }),
  maxOfflineMinutes: Type.Integer(),
  keys: Type.Array(Type.Object({ keyId: Type.Integer(), publicKey: Type.String(), status: StringEnum(['active', 'retired'] as const), notAfter: Nullable(Type.String({ format: 'date-time', description: 'A retired key vouches for no window ending after this' })) })),
  revocations: Type.Object({ seq: Type.Integer({ description: 'The list\'s number now' }) }),
});
export const CheckInBody = Obj({ gateId: Type.String({ format: 'uuid', maxLength: 36 }), token: Type.String({ minLength: 1, maxLength: 800, pattern: '^[A-Za-z0-9_-]+$' }), deviceId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', maxLength: 64 })) });
export const CheckInSchema = Type.Object({
  admit: Type.Boolean(), code: StringEnum(['admit', ...refusals] as const), message: Type.String({ description: 'The verdict in your language' }), serverTime: Type.String({ format: 'date-time' }),
  permit: Nullable(Type.Object({ id: Type.String(), code: Type.String(), memberIndex: Type.Integer(), section: Section(), windowStart: Type.String(), windowEnd: Type.String() })),
});
export const ScansBody = Obj({
  deviceId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', maxLength: 64 }),
  scans: Type.Array(Obj({
    nonce: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', maxLength: 64 }),
    token: Type.String({ minLength: 1, maxLength: 800, pattern: '^[A-Za-z0-9_-]+$' }),
    verdict: StringEnum(['admit', ...refusals] as const),
    scannedAt: Type.String({ format: 'date-time', maxLength: 40, description: 'The platform\'s time as the device knew it' }),
    deviceAt: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
  }), { minItems: 1, maxItems: 500 }),
});
export const ScansSchema = Type.Object({
  serverTime: Type.String({ format: 'date-time' }),
  acknowledged: Type.Array(Type.String(), { description: 'Nonces the platform has: remove them from the queue' }),
  results: Type.Array(Type.Object({ nonce: Type.String(), outcome: StringEnum(['checked_in', 'double', 'refused', 'revoked', 'duplicate'] as const) })),
  doubles: Type.Array(Type.Object({ permitId: Type.String(), stood: Type.Object({ deviceId: Type.String(), at: Type.String() }), also: Type.Object({ deviceId: Type.String(), at: Type.String() }) })),
});
