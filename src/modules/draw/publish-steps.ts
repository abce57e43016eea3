import type { RequestContext } from '../../core/principal.ts';
import type { Trx } from '../../db/database.ts';
import { writeAudit } from '../audit/index.ts';
import type { DrawContext } from './context.ts';
import { resultEmail } from './emails.ts';
import { chunks } from './freeze.ts';
import { drawPolicy } from './policies.ts';

type Outcomes = Awaited<ReturnType<DrawContext['repo']['outcomes']>>;

/** The draw's steps in its publication (src/workflows/publish-draw.ts holds the process). */
export function publicationSteps(c: DrawContext) {
  const { deps, clock, repo } = c;
  return {
    /**
     * Publication, first step (src/workflows/publish-draw.ts): the draw locked and allowed
     * to publish, the offers' deadline (the offer hours, capped at the close of offers),
     * every family's outcome and the winners' offers.
     */
    async publication(ctx: RequestContext, trx: Trx, season: string) {
      const draw = await c.load(trx, season, true);
      drawPolicy.assert(ctx, 'publish', await c.resource(season, draw, trx));
      const calendar = await deps.seasons.read(trx, season);
      const deadline = new Date(Math.min(clock.now().getTime() + draw.offer_hours * 3_600_000, new Date(calendar.offersClose).getTime()));
      const outcomes = await repo.outcomes(trx, season);
      const winners = await repo.winners(trx, season);
      const admins = new Map(outcomes.map((o) => [o.application_id, o.admin_account_id]));
      const offers = winners.map((w) => ({ season, applicationId: w.application_id, adminAccountId: admins.get(w.application_id)!, packageId: w.package_id!, seats: w.family_size, country: w.country }));
      return { deadline, outcomes, offers };
    },

    /** Publication, last step: every family told its outcome in its language; the draw published and audited. */
    async announce(ctx: RequestContext, trx: Trx, season: string, p: { deadline: Date; outcomes: Outcomes; offers: unknown[] }) {
      const { deadline, outcomes } = p;
      for (const batch of chunks(outcomes, 1000)) {
        const contacts = await deps.accounts.contacts(trx, batch.map((o) => o.admin_account_id));
        const packageIds = batch.flatMap((o) => (o.package_id ? [o.package_id] : []));
        const title = await deps.catalogue.titlesInAnyLanguage(trx, packageIds);
        for (const o of batch) {
          const c = contacts.get(o.admin_account_id);
          if (!c) continue;
          const email = resultEmail(c.locale, { name: c.name, season, outcome: o.outcome, title: o.package_id ? title(o.package_id, c.locale) : '', rank: o.choice_rank, waitlist: o.waitlist_position, deadline });
          await deps.notifications.enqueue(trx, { to: c.email, locale: c.locale, template: `draw_${o.outcome}`, ...email });
        }
      }
      await repo.update(trx, season, { status: 'published', published_at: clock.now(), published_by: ctx.actor?.accountId ?? null });
      await writeAudit(trx, clock, ctx, { action: 'draw.published', subjectType: 'draw', subjectId: season, data: { holds: p.offers.length, deadline: deadline.toISOString() } });
      const published = await c.load(trx, season);
      return c.view(published, ctx, await c.resource(season, published, trx));
    },

  };
}
