import { Type } from '@sinclair/typebox';
import { LongText, Nullable, Obj, StringEnum, Text, Uuid } from '../../common/schemas/kit.ts';
import { questionTypes, stages } from './domain/questionnaire.ts';
import { dimensions } from './repository.ts';

const Texts = () => Type.Record(Type.String({ pattern: '^[a-z]{2,3}$' }), Type.String({ minLength: 1, maxLength: 1000 }), { description: 'Text per language (ISO 639-1); Arabic and English required' });
const Localized = Type.Object({ text: Type.String(), language: Type.String(), fallback: Type.Boolean({ description: 'True when the text is not in the reader\'s language (it was not translated)' }) });
export const LinkToken = () => Type.String({ pattern: '^[A-Za-z0-9_-]{64}$', maxLength: 64, examples: ['A'.repeat(64)] });
export const Day = () => Type.String({ format: 'date', maxLength: 10 });

export const SurveyView = Type.Object({
  invitationId: Uuid(), language: Type.String(), stage: Type.String(), programme: Type.String(), version: Type.Integer(), expiresAt: Type.String({ format: 'date-time' }),
  title: Localized,
  questions: Type.Array(Type.Object({ id: Type.String(), type: StringEnum(questionTypes), required: Type.Boolean(), text: Localized, options: Type.Array(Type.Object({ id: Type.String(), text: Localized })) })),
});
export const AnswerBody = Obj({
  answers: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }), Type.Union([Type.Integer({ minimum: -100, maximum: 100 }), Type.String({ maxLength: 2000 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })]), { maxProperties: 40 }),
});
export const Answered = Type.Object({ responseId: Uuid(), thankYou: Type.Boolean() });
export const MySurvey = Type.Object({ invitationId: Uuid(), title: Localized, stage: Type.String(), programme: Type.String(), expiresAt: Type.String({ format: 'date-time' }) });

const QuestionBody = Obj({
  id: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', maxLength: 40 }), type: StringEnum(questionTypes), text: Texts(), required: Type.Boolean(),
  stage: Type.Optional(StringEnum(stages)), headline: Type.Optional(Type.Boolean()),
  options: Type.Optional(Type.Array(Obj({ id: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', maxLength: 40 }), text: Texts() }), { maxItems: 20 })),
});
export const QuestionnaireBody = Obj({
  code: Type.String({ pattern: '^[a-z][a-z0-9_-]{1,39}$', maxLength: 40 }), trigger: StringEnum(['booking_confirmed', 'arrival_recorded', 'permit_checked_in', 'season_completed'] as const),
  programme: StringEnum(['hajj', 'umrah', 'rawdah'] as const), stage: StringEnum(stages), validDays: Type.Integer({ minimum: 1, maximum: 90 }),
  title: Texts(), questions: Type.Array(QuestionBody, { minItems: 1, maxItems: 40 }),
});

const Figure = Type.Unknown({ description: 'A share or NPS with its interval and n, or { value: null, withheld: "small_group" }' });
export const IndicatorQuery = Obj({
  by: StringEnum(dimensions), programme: Type.Optional(StringEnum(['hajj', 'umrah', 'rawdah'] as const)), country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', maxLength: 2 })),
  provider: Type.Optional(Uuid()), from: Type.Optional(Day()), to: Type.Optional(Day()),
});
export const SeriesQuery = Obj({ programme: Type.Optional(StringEnum(['hajj', 'umrah', 'rawdah'] as const)), country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', maxLength: 2 })), provider: Type.Optional(Uuid()), from: Type.Optional(Day()), to: Type.Optional(Day()) });
export const IndicatorsView = Type.Object({
  by: Type.String(), filter: Type.Object({ programme: Type.Optional(Type.String()), countryCode: Type.Optional(Type.String()), providerId: Type.Optional(Type.String()), from: Type.Optional(Type.String()), to: Type.Optional(Type.String()) }), computedAt: Type.String({ format: 'date-time' }), privacyMin: Type.Integer(), publishMin: Type.Integer(), withheldGroups: Type.Integer(),
  groups: Type.Array(Type.Object({
    key: Nullable(Type.String()),
    indicators: Type.Object({ csat: Figure, nps: Figure, responseRate: Figure, completionRate: Figure, complaintsPerThousand: Figure, adherence: Figure, medianFirstAnswerMinutes: Nullable(Type.Number()), medianResolutionMinutes: Nullable(Type.Number()) }),
    counts: Type.Object({ responses: Type.Integer(), invited: Type.Integer(), shown: Type.Integer(), pilgrims: Type.Integer(), complaints: Type.Integer() }),
  })),
});
export const SeriesView = Type.Array(Type.Object({ day: Type.String(), responses: Nullable(Type.Integer()), csat: Figure, nps: Figure }));
export const ScorecardSchema = Type.Object({
  providerId: Uuid(), computedAt: Type.String({ format: 'date-time' }),
  csat: Type.Unknown(), nps: Type.Unknown(), adherence: Type.Unknown(), complaintsPerThousand: Type.Unknown(),
  inspections: Nullable(Type.Object({ n: Type.Integer(), meanScore: Nullable(Type.Number()), label: Type.String() })),
  publishMin: Type.Integer(), reply: Nullable(Type.Object({ text: Type.String(), at: Type.String({ format: 'date-time' }) })),
});
export const ReplyBody = Obj({ reply: LongText({ maxLength: 2000 }) });
export const InspectionBody = Obj({
  clientId: Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$', maxLength: 64, description: 'The device\'s own id for this inspection: sending it again records nothing new' }),
  placeType: StringEnum(['camp', 'hotel', 'bus'] as const), providerId: Uuid(), place: Text({ maxLength: 200 }), visitedAt: Type.String({ format: 'date-time', maxLength: 40 }),
  answers: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }), Nullable(Type.Boolean()), { maxProperties: 100 }),
  photos: Type.Optional(Type.Array(Uuid(), { maxItems: 10 })),
});
