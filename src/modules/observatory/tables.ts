import type { ColumnType } from 'kysely';
import type { Question, Texts } from './domain/questionnaire.ts';
import type { GroupCounts } from './domain/indicators.ts';

type Json<T> = ColumnType<T, string, string>;
export type Trigger = 'booking_confirmed' | 'arrival_recorded' | 'permit_checked_in' | 'season_completed';
export type Programme = 'hajj' | 'umrah' | 'rawdah';

export interface GuestJourneysTable {
  account_id: string;
  subject: string;
  provider_id: string | null;
  package_id: string | null;
  country_code: string | null;
  nationality_group: string | null;
  language: string;
  started_at: Date;
}
export interface SurveyQuestionnairesTable {
  id: string;
  code: string;
  version: number;
  trigger: Trigger;
  programme: Programme;
  stage: string;
  title: Json<Texts>;
  questions: Json<Question[]>;
  valid_days: number;
  active: boolean;
  created_at: Date;
}
export interface SurveyInvitationsTable {
  id: string;
  questionnaire_id: string;
  account_id: string;
  subject: string;
  language: string;
  programme: Programme;
  stage: string;
  provider_id: string | null;
  package_id: string | null;
  country_code: string | null;
  nationality_group: string | null;
  source_event_id: number | null;
  created_at: Date;
  expires_at: Date;
  remind_at: Date | null;
  reminded_at: Date | null;
  first_shown_at: Date | null;
  shown_count: number;
  responded_at: Date | null;
}
export interface SurveyResponsesTable {
  id: string;
  invitation_id: string;
  questionnaire_id: string;
  programme: string;
  stage: string;
  language: string;
  provider_id: string | null;
  package_id: string | null;
  country_code: string | null;
  nationality_group: string | null;
  csat: number | null;
  nps: number | null;
  answers: Json<Record<string, unknown>>;
  free_text: string | null;
  free_text_screened: string | null;
  submitted_at: Date;
  day: ColumnType<string, string, string>;
}
export interface SurveyStageScoresTable {
  response_id: string;
  stage: string;
  csat: number;
}
export interface SurveyEventCursorTable {
  id: number;
  last_event_id: number;
}
export interface ProviderScorecardsTable {
  provider_id: string;
  counts: Json<GroupCounts>;
  inspections: Json<{ n: number; meanScore: number | null }>;
  computed_at: Date;
}
export interface ProviderScorecardRepliesTable {
  provider_id: string;
  reply: string;
  updated_at: Date;
}
export interface InspectionChecklistsTable {
  id: string;
  place_type: 'camp' | 'hotel' | 'bus';
  version: number;
  items: Json<{ id: string; text: Texts; weight: number }[]>;
  active: boolean;
  created_at: Date;
}
export interface InspectionsTable {
  id: string;
  client_id: string;
  inspector_id: string;
  checklist_id: string;
  provider_id: string;
  place: string;
  visited_at: Date;
  answers: Json<Record<string, boolean | null>>;
  score: ColumnType<string, number, number>;
  photos: Json<string[]>;
  created_at: Date;
}

export interface SurveyRollupTable {
  day: ColumnType<string, string, never>;
  programme: string;
  dim: string;
  key: string | null;
  invited: number;
  shown: number;
  responses: number;
  csat_n: number;
  csat_top2: number;
  nps_n: number;
  promoters: number;
  detractors: number;
  pilgrims: number;
}
export interface SurveyRollupDaysTable {
  day: ColumnType<string, string, never>;
  folded_at: Date;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    guest_journeys: GuestJourneysTable;
    survey_questionnaires: SurveyQuestionnairesTable;
    survey_invitations: SurveyInvitationsTable;
    survey_responses: SurveyResponsesTable;
    survey_stage_scores: SurveyStageScoresTable;
    survey_event_cursor: SurveyEventCursorTable;
    survey_rollup: SurveyRollupTable;
    survey_rollup_days: SurveyRollupDaysTable;
    provider_scorecards: ProviderScorecardsTable;
    provider_scorecard_replies: ProviderScorecardRepliesTable;
    inspection_checklists: InspectionChecklistsTable;
    inspections: InspectionsTable;
  }
}
