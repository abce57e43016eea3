import type { Clock } from '../../core/clock.ts';
import { newId } from '../../core/ids.ts';
import { createPoller } from '../../core/poller.ts';
import type { Locale } from '../../common/i18n.ts';
import type { Db, Executor } from '../../db/database.ts';
import { createOutboxRepository } from './repository.ts';
import type { MailTransport } from './transports.ts';

export interface EmailToSend {
  to: string;
  locale: Locale;
  /** Template name, kept for the record (e.g. `verify_email`). */
  template: string;
  subject: string;
  text: string;
}

const MAX_ATTEMPTS = 8;
const LEASE_MS = 5 * 60_000;
/** 1 min, 2, 4 … between attempts. */
export const retryDelayMs = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1);

export function createNotificationService(deps: {
  db: Db;
  clock: Clock;
  transport: MailTransport;
  onError?: (error: unknown, messageId: string) => void;
}) {
  const repository = createOutboxRepository(deps.db.kysely);

  async function dispatchOnce(limit = 20): Promise<number> {
    const now = deps.clock.now();
    const claimed = await repository.claimDue(now, new Date(now.getTime() + LEASE_MS), limit);
    for (const message of claimed) {
      try {
        await deps.transport.send({ to: message.recipient, subject: message.subject, text: message.body_text });
        await repository.markSent(message.id, deps.transport.name, deps.clock.now());
      } catch (error) {
        deps.onError?.(error, message.id);
        const retryAt =
          message.attempts >= MAX_ATTEMPTS ? null : new Date(deps.clock.now().getTime() + retryDelayMs(message.attempts));
        await repository.markFailed(message.id, String((error as Error)?.message ?? error).slice(0, 500), retryAt);
      }
    }
    return claimed.length;
  }

  return {
    /**
     * Queues an email in the caller's transaction: it is sent only if that
     * transaction commits.
     * @example await notifications.enqueue(trx, { to, locale: 'ar', template: 'verify_email', subject, text })
     */
    async enqueue(executor: Executor, email: EmailToSend): Promise<void> {
      await repository.insert(executor, {
        id: newId(),
        recipient: email.to,
        locale: email.locale,
        template: email.template,
        subject: email.subject,
        bodyText: email.text,
        now: deps.clock.now(),
      });
    },

    /**
     * The statement that queues many emails, for a module that runs it within one of its own
     * statements in its transaction (a data-modifying CTE): sent only if that transaction commits.
     */
    enqueueInsert: (emails: readonly EmailToSend[]) => {
      const now = deps.clock.now();
      return repository.insertMany(emails.map((email) => ({ id: newId(), recipient: email.to, locale: email.locale, template: email.template, subject: email.subject, bodyText: email.text, now })));
    },

    /** Sends what is due; returns how many messages it handled. */
    dispatchOnce,

    /** Polls the outbox in the background: `start(intervalMs)`, `stop()`. */
    ...createPoller(() => dispatchOnce(), (error) => deps.onError?.(error, '-')),

    /** The developer mailbox: recent messages, newest first. */
    async mailbox(recipient: string | undefined, limit = 50) {
      const rows = await repository.listRecent(recipient, limit);
      return rows.map((r) => ({
        id: r.id,
        to: r.recipient,
        locale: r.locale,
        template: r.template,
        subject: r.subject,
        text: r.body_text,
        status: r.status,
        createdAt: r.created_at.toISOString(),
      }));
    },
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
