import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { Locale } from '../../common/i18n.ts';

export interface NewMessage {
  id: string;
  recipient: string;
  locale: Locale;
  template: string;
  subject: string;
  bodyText: string;
  now: Date;
}

export function createOutboxRepository(db: Executor) {
  return {
    async insert(executor: Executor, m: NewMessage) {
      await executor
        .insertInto('outbox_messages')
        .values({
          id: m.id,
          recipient: m.recipient,
          locale: m.locale,
          template: m.template,
          subject: m.subject,
          body_text: m.bodyText,
          transport: null,
          last_error: null,
          available_at: m.now,
          created_at: m.now,
          sent_at: null,
        })
        .execute();
    },

    /**
     * The statement that queues many messages, for a module that runs it within one of its own
     * statements (a data-modifying CTE): one array per column.
     */
    insertMany: (messages: readonly NewMessage[]) => sql`
      insert into outbox_messages (id, recipient, locale, template, subject, body_text, available_at, created_at)
      select u.id, u.recipient, u.locale, u.template, u.subject, u.body_text, u.now, u.now
      from unnest(${messages.map((m) => m.id)}::uuid[], ${messages.map((m) => m.recipient)}::text[], ${messages.map((m) => m.locale)}::text[],
        ${messages.map((m) => m.template)}::text[], ${messages.map((m) => m.subject)}::text[], ${messages.map((m) => m.bodyText)}::text[],
        ${messages.map((m) => m.now)}::timestamptz[]) as u(id, recipient, locale, template, subject, body_text, now)`,

    /**
     * Claims up to `limit` due messages by pushing their availability to
     * `leaseUntil`: a crashed dispatcher's claim simply expires and the
     * message is retried (at-least-once delivery). SKIP LOCKED lets several
     * dispatchers run side by side.
     */
    async claimDue(now: Date, leaseUntil: Date, limit: number) {
      const result = await sql<{ id: string; recipient: string; subject: string; body_text: string; attempts: number }>`
        update outbox_messages set available_at = ${leaseUntil}, attempts = attempts + 1
        where id in (
          select id from outbox_messages
          where status = 'pending' and available_at <= ${now}
          order by available_at
          limit ${limit}
          for update skip locked)
        returning id, recipient, subject, body_text, attempts`.execute(db);
      return result.rows;
    },

    async markSent(id: string, transport: string, now: Date) {
      await db
        .updateTable('outbox_messages')
        .set({ status: 'sent', sent_at: now, transport, last_error: null })
        .where('id', '=', id)
        .execute();
    },

    async markFailed(id: string, error: string, retryAt: Date | null) {
      await db
        .updateTable('outbox_messages')
        .set(retryAt ? { last_error: error, available_at: retryAt } : { last_error: error, status: 'failed' })
        .where('id', '=', id)
        .execute();
    },

    async listRecent(recipient: string | undefined, limit: number) {
      let q = db
        .selectFrom('outbox_messages')
        .select(['id', 'recipient', 'locale', 'template', 'subject', 'body_text', 'status', 'created_at']);
      if (recipient) q = q.where('recipient', '=', recipient);
      return q.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
    },
  };
}
