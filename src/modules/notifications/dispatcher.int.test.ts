import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/clock.ts';
import { createTestDb } from '../../testing/harness.ts';
import type { Db } from '../../db/database.ts';
import { createNotificationService, retryDelayMs } from './service.ts';
import type { MailTransport, OutgoingEmail } from './transports.ts';

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ db, cleanup } = await createTestDb()));
afterAll(async () => cleanup?.());

class FlakyTransport implements MailTransport {
  readonly name = 'flaky';
  sent: OutgoingEmail[] = [];
  failuresLeft: number;
  constructor(failures: number) {
    this.failuresLeft = failures;
  }
  async send(message: OutgoingEmail) {
    if (this.failuresLeft-- > 0) throw new Error('connection refused');
    this.sent.push(message);
  }
}

const email = { to: 'p@example.org', locale: 'en' as const, template: 'test', subject: 'Hello', text: 'Body' };

describe('outbox dispatcher', () => {
  it('sends nothing for a rolled-back transaction', async () => {
    const transport = new FlakyTransport(0);
    const service = createNotificationService({ db, clock: new ManualClock(), transport });
    await db.kysely.transaction().execute(async (trx) => {
      await service.enqueue(trx, { ...email, to: 'rolled-back@example.org' });
      throw new Error('abort');
    }).catch(() => {});
    await service.dispatchOnce();
    expect(transport.sent).toHaveLength(0);
  });

  it('retries a failed delivery with backoff, and delivers exactly once', async () => {
    const clock = new ManualClock();
    const transport = new FlakyTransport(2);
    const service = createNotificationService({ db, clock, transport });
    await service.enqueue(db.kysely, email);
    expect(await service.dispatchOnce()).toBe(1);
    expect(transport.sent).toHaveLength(0);
    expect(await service.dispatchOnce()).toBe(0); // not due yet
    clock.advance(retryDelayMs(1));
    await service.dispatchOnce();
    clock.advance(retryDelayMs(2));
    await service.dispatchOnce();
    expect(transport.sent).toEqual([{ to: email.to, subject: email.subject, text: email.text }]);
    clock.advance(retryDelayMs(8));
    expect(await service.dispatchOnce()).toBe(0);
    const [row] = await service.mailbox(email.to);
    expect(row?.status).toBe('sent');
  });

  it('gives up after the last attempt and marks the message failed', async () => {
    const clock = new ManualClock();
    const transport = new FlakyTransport(100);
    const service = createNotificationService({ db, clock, transport });
    await service.enqueue(db.kysely, { ...email, to: 'dead@example.org' });
    for (let i = 1; i <= 8; i++) {
      await service.dispatchOnce();
      clock.advance(retryDelayMs(i));
    }
    const [row] = await service.mailbox('dead@example.org');
    expect(row?.status).toBe('failed');
  });

  it('re-sends a message whose dispatcher died mid-delivery once the lease expires', async () => {
    const clock = new ManualClock();
    const transport = new FlakyTransport(0);
    const service = createNotificationService({ db, clock, transport });
    await service.enqueue(db.kysely, { ...email, to: 'lease@example.org' });
    // A dispatcher claims the message and dies before marking it sent.
    const claimed = await db.kysely
      .updateTable('outbox_messages')
      .set({ available_at: new Date(clock.now().getTime() + 5 * 60_000) })
      .where('recipient', '=', 'lease@example.org')
      .executeTakeFirst();
    expect(Number(claimed.numUpdatedRows)).toBe(1);
    expect(await service.dispatchOnce()).toBe(0);
    clock.advance(5 * 60_000);
    await service.dispatchOnce();
    expect(transport.sent.map((m) => m.to)).toContain('lease@example.org');
  });
});
