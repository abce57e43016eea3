import { Type } from '@sinclair/typebox';
import { LongText, Nullable, Obj, StringEnum, Text, Uuid } from '../../common/schemas/kit.ts';
import { complaintPolicy } from './policies.ts';

export const ComplaintStates = ['received', 'acknowledged', 'with_provider', 'provider_responded', 'awaiting_pilgrim', 'escalated', 'resolved', 'closed'] as const;
export const Severities = ['low', 'medium', 'high', 'critical'] as const;
export const Subjects = ['provider', 'booking', 'permit', 'site', 'platform'] as const;
const Language = () => Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$', maxLength: 12, description: 'BCP 47 language of the complainant (the caller\'s, when an agent files)' });
const Category = () => Type.String({ pattern: '^[a-z][a-z_]{1,39}$', maxLength: 40, description: 'A category of the deadline rules (GET /complaints/rules)', examples: ['housing'] });

export const FileBody = Obj({
  about: StringEnum(Subjects),
  providerId: Type.Optional(Uuid()),
  bookingId: Type.Optional(Uuid()),
  permitBookingId: Type.Optional(Uuid()),
  site: Type.Optional(Text({ maxLength: 120 })),
  category: Category(),
  severity: StringEnum(Severities),
  description: LongText({ maxLength: 4000 }),
  place: Type.Optional(Text({ maxLength: 200 })),
  occurredAt: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
  callerEmail: Type.Optional(Type.String({ format: 'email', maxLength: 254, description: 'Care-centre agents: the caller\'s account' })),
  language: Type.Optional(Language()),
});

export const ComplaintSchema = Type.Object({
  id: Uuid(), reference: Type.String(), about: StringEnum(Subjects), providerId: Nullable(Uuid()), bookingId: Nullable(Uuid()), permitBookingId: Nullable(Uuid()),
  site: Nullable(Type.String()), noBookingFound: Type.Boolean(), category: Type.String(), severity: StringEnum(Severities),
  description: Type.String({ description: 'Screened of emails, phone and document numbers for everyone but the ministry and the complainant' }),
  place: Nullable(Type.String()), occurredAt: Nullable(Type.String({ format: 'date-time' })), language: Type.String(), channel: StringEnum(['web', 'care_centre'] as const),
  countryCode: Nullable(Type.String()), state: StringEnum(ComplaintStates),
  nextDeadline: Nullable(Type.Object({ kind: Type.String(), dueAt: Type.String({ format: 'date-time' }) })),
  rating: Nullable(Type.Integer()), createdAt: Type.String({ format: 'date-time' }), updatedAt: Type.String({ format: 'date-time' }), resolvedAt: Nullable(Type.String({ format: 'date-time' })),
  allowedActions: Type.Array(StringEnum(complaintPolicy.actions)),
});

export const ComplaintDetail = Type.Intersect([ComplaintSchema, Type.Object({
  deadlines: Type.Array(Type.Object({
    kind: Type.String(), startedAt: Type.String({ format: 'date-time' }), targetMinutes: Type.Number(), dueAt: Nullable(Type.String({ format: 'date-time' })),
    metAt: Nullable(Type.String({ format: 'date-time' })), breachedAt: Nullable(Type.String({ format: 'date-time' })),
    minutes: Nullable(Type.Number({ description: 'Clock minutes early (positive) or late (negative), pauses excluded' })),
  })),
  timeline: Type.Array(Type.Object({
    at: Type.String({ format: 'date-time' }), action: Type.String(), actor: Type.String(), fromState: Nullable(Type.String()), toState: Nullable(Type.String()),
    message: Nullable(Type.String()), data: Type.Record(Type.String(), Type.Unknown()),
  })),
  attachments: Type.Array(Type.Object({ id: Uuid(), contentType: Type.String(), sizeBytes: Type.Integer(), createdAt: Type.String({ format: 'date-time' }) })),
  serverTime: Type.String({ format: 'date-time' }),
})]);

export const ActionBody = Obj({ message: Type.Optional(LongText({ maxLength: 4000 })) });
export const RateBody = Obj({ rating: Type.Integer({ minimum: 1, maximum: 5 }), message: Type.Optional(LongText({ maxLength: 2000 })) });
export const ListQuery = Obj({ state: Type.Optional(StringEnum(ComplaintStates)), limit: Type.Integer({ minimum: 1, maximum: 100, default: 30 }), before: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })) });
export const RuleBody = Obj({
  acknowledgeMinutes: Nullable(Type.Integer({ minimum: 0, maximum: 100_000 })),
  firstAnswerMinutes: Nullable(Type.Integer({ minimum: 1, maximum: 100_000 })),
  resolveMinutes: Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
});
export const RuleParams = Obj({ category: Category(), severity: StringEnum(Severities, { examples: ['medium'] }) });
export const SeasonBody = Obj({ label: Text({ maxLength: 80 }), from: Type.String({ format: 'date-time', maxLength: 40 }), to: Type.String({ format: 'date-time', maxLength: 40 }) });

export const RulesView = Type.Object({
  rules: Type.Array(Type.Object({ category: Type.String(), severity: StringEnum(Severities), acknowledgeMinutes: Nullable(Type.Integer()), firstAnswerMinutes: Nullable(Type.Integer()), resolveMinutes: Nullable(Type.Integer()) })),
  calendar: Type.Object({
    workingDays: Type.Array(Type.Integer(), { description: '0 = Sunday … 6 = Saturday, in Riyadh' }), from: Type.Integer({ description: 'minutes after midnight in Riyadh' }), to: Type.Integer(),
    roundTheClock: Type.Array(Type.Object({ from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) })), reopenDays: Type.Integer(),
  }),
});
