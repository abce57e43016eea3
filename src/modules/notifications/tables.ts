import type { Generated } from 'kysely';
import type { Locale } from '../../common/i18n.ts';

export interface OutboxMessagesTable {
  id: string;
  channel: Generated<'email'>;
  recipient: string;
  locale: Locale;
  template: string;
  subject: string;
  body_text: string;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  transport: string | null;
  available_at: Date;
  created_at: Date;
  sent_at: Date | null;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    outbox_messages: OutboxMessagesTable;
  }
}
