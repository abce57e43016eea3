import { pickText } from '../../common/i18n.ts';
import type { Trx } from '../../db/database.ts';
import type { PermitContext, SiteFacts } from './context.ts';
import { permitEmails } from './emails.ts';

/**
 * Freed places of a window go first to its waiting list: the first in line
 * whose group fits is offered them (held for it, counted in `booked`) until a
 * short deadline; what no one in line can take is released to everyone. Runs
 * in the transaction that freed the places (a cancellation, a move, an offer
 * declined or expired); entries another transaction is answering are skipped
 * (SKIP LOCKED), so this never waits on them.
 */
export async function offerFreed(c: PermitContext, trx: Trx, site: SiteFacts, w: { id: string; starts_at: Date }, freed: number): Promise<number> {
  let room = freed;
  const now = c.clock.now();
  let offered = 0;
  while (room > 0 && now < w.starts_at) {
    const next = await c.repo.nextInLine(trx, w.id, room);
    if (!next) break;
    const deadline = new Date(Math.min(now.getTime() + site.offerMinutes * 60_000, w.starts_at.getTime()));
    await c.repo.setWaitEntry(trx, next.id, { status: 'offered', offered_at: now, offer_deadline: deadline, updated_at: now });
    await c.repo.addWaiting(trx, w.id, -1);
    await c.tell(trx, [next.account_id], 'permit_offered', (locale, name) => permitEmails.offered(locale, { name, site: pickText(site.name, locale).text, startsAt: w.starts_at, size: next.size, deadline }));
    room -= next.size;
    offered++;
  }
  if (room > 0) await c.repo.releasePlaces(trx, [{ id: w.id, n: room }]);
  return offered;
}
