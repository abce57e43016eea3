import { Type } from '@sinclair/typebox';
import { Nullable, Obj, StringEnum } from '../../common/schemas/kit.ts';
import { availabilityStates } from '../../common/permits/availability.ts';
import { refusals } from '../../common/permits/gate.ts';
import { permitBookingPolicy, waitPolicy } from './policies.ts';
import { Section } from '../../common/schemas/permits.ts';

export { sections, Section, DayQuery, RuleSchema, PenaltyRuleSchema, SiteBody, SiteUpdateBody, GateBody, TemplateBody, GenerateBody, RulesBody, CloseBody, PersonBody, BookBody } from '../../common/schemas/permits.ts';

const Names = Type.Object({ ar: Type.String(), en: Type.String() });

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

export const PersonSchema = Type.Object({
  id: Type.String(), self: Type.Boolean(), documentKind: Type.String(), documentLast4: Type.String(), name: Type.String(), gender: StringEnum(['male', 'female'] as const), nationality: Type.String(), dateOfBirth: Type.String(),
  visaType: Nullable(Type.String()), validUntil: Nullable(Type.String()),
  penalties: Type.Array(Type.Object({ siteId: Type.String(), trigger: StringEnum(['no_show', 'late_cancel'] as const), until: Type.String({ format: 'date-time', description: 'No booking at this site before this moment' }) })),
});

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
