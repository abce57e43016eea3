import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { isMinistry, type RequestContext } from '../../core/principal.ts';
import { isUniqueViolation, type Db, type Executor } from '../../db/database.ts';
import type { AccountService } from '../accounts/index.ts';
import { writeAudit } from '../audit/index.ts';
import type { CatalogueService } from '../catalogue/index.ts';
import type { PilgrimService } from '../pilgrims/index.ts';
import type { SeasonService } from '../seasons/index.ts';
import { canAddMember } from './domain/family.ts';
import { ranks, shardOf, sizeChange } from './domain/demand.ts';
import { createRankingWriter } from './ranking-writer.ts';
import { judgeChange } from './domain/ranking-batch.ts';
import { createApplicationsRepository } from './repository.ts';
import { pickText } from '../../common/i18n.ts';
import { applicationPolicy } from './policies.ts';


/** Family applications: members, eligibility per member, ranked packages, popularity. */
export function createApplicationService(deps: {
  db: Db;
  clock: Clock;
  seasons: Pick<SeasonService, 'assertPhase' | 'evaluatorFor' | 'get' | 'read'>;
  accounts: Pick<AccountService, 'pilgrimByEmail'>;
  pilgrims: Pick<PilgrimService, 'factsFor'>;
  catalogue: Pick<CatalogueService, 'packageFacts'>;
}) {
  const repo = createApplicationsRepository();
  const { db, clock } = deps;
  const changeable = ['registration', 'preference'] as const;
  const rankings = createRankingWriter(deps);

  /** Keeps the live popularity counters in step with the change, in the same transaction. */
  async function moveDemand(trx: Executor, app: { id: string; season: string; country: string }, deltas: ReturnType<typeof sizeChange>) {
    await repo.applyDemand(trx, { season: app.season, country: app.country, shard: shardOf(app.id) }, deltas);
  }

  /** The caller's application, locked, after checking they are its admin and the version they saw. */
  async function forChange(trx: Executor, ctx: RequestContext, id: string, expectedVersion?: number) {
    const [app] = await repo.lockMany(trx, [id]);
    const verdict = judgeChange(ctx.actor?.accountId, app, expectedVersion);
    if (!verdict.ok) throw new AppError(verdict.code, verdict.params);
    return app!;
  }

  async function view(ctx: RequestContext, id: string) {
    const app = await repo.find(db.kysely, id);
    if (!app) throw new AppError('application.not_found');
    const members = await repo.members(db.kysely, id);
    const mission = ctx.actor?.role === 'mission_officer' && ctx.actor.countryCode === app.country;
    const ministry = isMinistry(ctx.actor);
    if (!mission && !ministry && !members.some((m) => m.account_id === ctx.actor?.accountId)) throw new AppError('application.not_found');
    const [facts, evaluator, preferences, season] = await Promise.all([
      deps.pilgrims.factsFor(db.kysely, members.map((m) => m.account_id)),
      deps.seasons.evaluatorFor(app.season, ctx.locale),
      repo.preferences(db.kysely, id),
      deps.seasons.get(app.season),
    ]);
    const memberViews = members.map((m) => {
      const f = facts.get(m.account_id);
      const failed = f ? evaluator.evaluate(f.person).filter((r) => !r.passed) : null;
      return {
        accountId: m.account_id,
        role: m.role,
        name: f?.name ?? '',
        eligible: failed !== null && failed.length === 0,
        failedRules: failed?.map((r) => ({ code: r.code, message: r.message ?? '' })) ?? [],
      };
    });
    return {
      id: app.id,
      season: app.season,
      country: app.country,
      version: app.version,
      readOnly: app.admin_account_id !== ctx.actor?.accountId,
      allowedActions: applicationPolicy.allowed(ctx, { isAdmin: app.admin_account_id === ctx.actor?.accountId, phase: season.phase }),
      members: memberViews,
      eligible: memberViews.every((m) => m.eligible),
      ranking: preferences.map((p) => ({ rank: p.rank, packageId: p.package_id, packageVersion: p.package_version })),
    };
  }

  return {
    view,

    /**
     * A pilgrim with a profile starts the family's application and becomes its admin.
     * @example await applications.create(ctx, '1448H')
     */
    async create(ctx: RequestContext, season: string) {
      const accountId = ctx.actor!.accountId;
      const id = newId();
      await db.kysely.transaction().execute(async (trx) => {
        await deps.seasons.assertPhase(trx, season, [...changeable]);
        const facts = (await deps.pilgrims.factsFor(trx, [accountId])).get(accountId);
        if (!facts) throw new AppError('pilgrim.profile_missing');
        if (await repo.applicationOf(trx, season, accountId)) throw new AppError('application.already_applied', { name: facts.name });
        const now = clock.now();
        await repo.insert(trx, { id, season, admin_account_id: accountId, country: facts.residenceCountry, version: 1, created_at: now, updated_at: now });
        await repo.addMember(trx, { application_id: id, account_id: accountId, season, role: 'admin', added_at: now });
        await writeAudit(trx, clock, ctx, { action: 'application.created', subjectType: 'application', subjectId: id, data: { season, country: facts.residenceCountry } });
      }).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new AppError('application.already_applied', { name: '' });
        throw error;
      });
      return view(ctx, id);
    },

    /** Every application the caller is in, newest season first (an empty list: none yet — a state, not an error). */
    async memberships(ctx: RequestContext, executor: Executor = db.kysely) {
      return (await repo.membershipsOf(executor, ctx.actor!.accountId)).map((m) => ({ season: m.season, applicationId: m.application_id, role: m.role, country: m.country }));
    },

    /** The application the caller is in for a season (as admin or read-only member). */
    async mine(ctx: RequestContext, season: string) {
      const row = await repo.applicationOf(db.kysely, season, ctx.actor!.accountId);
      if (!row) throw new AppError('application.not_found');
      return view(ctx, row.application_id);
    },

    /** The admin adds a registered pilgrim (by email) who lives in the same country. */
    async addMember(ctx: RequestContext, id: string, email: string, expectedVersion?: number) {
      await db.kysely.transaction().execute(async (trx) => {
        const app = await forChange(trx, ctx, id, expectedVersion);
        const { members } = app;
        applicationPolicy.assert(ctx, 'add_member', { isAdmin: app.adminAccountId === ctx.actor?.accountId, phase: (await deps.seasons.read(trx, app.season)).phase });
        const candidate = await deps.accounts.pilgrimByEmail(trx, email);
        const facts = candidate && (await deps.pilgrims.factsFor(trx, [candidate.id, ...members]));
        const f = candidate && facts?.get(candidate.id);
        if (!candidate || !facts || !f) throw new AppError('application.member_not_found');
        if (await repo.applicationOf(trx, app.season, candidate.id)) throw new AppError('application.already_applied', { name: f.name });
        const problem = canAddMember(
          { members: members.map((m) => ({ accountId: m, country: facts.get(m)?.residenceCountry ?? app.country })) },
          { accountId: candidate.id, country: f.residenceCountry },
        );
        if (problem) throw new AppError('application.family_rule', { problem });
        const now = clock.now();
        await repo.addMember(trx, { application_id: id, account_id: candidate.id, season: app.season, role: 'member', added_at: now });
        await moveDemand(trx, app, sizeChange(ranks(app.ranking), members.length, members.length + 1));
        await repo.bump(trx, id, now);
        await writeAudit(trx, clock, ctx, { action: 'application.member_added', subjectType: 'application', subjectId: id, data: { accountId: candidate.id } });
      }).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new AppError('application.already_applied', { name: email });
        throw error;
      });
      return view(ctx, id);
    },

    async removeMember(ctx: RequestContext, id: string, accountId: string, expectedVersion?: number) {
      await db.kysely.transaction().execute(async (trx) => {
        const app = await forChange(trx, ctx, id, expectedVersion);
        const { members } = app;
        applicationPolicy.assert(ctx, 'remove_member', { isAdmin: app.adminAccountId === ctx.actor?.accountId, phase: (await deps.seasons.read(trx, app.season)).phase });
        if (accountId === app.adminAccountId || !members.includes(accountId)) throw new AppError('application.member_not_found');
        await repo.removeMember(trx, id, accountId);
        await moveDemand(trx, app, sizeChange(ranks(app.ranking), members.length, members.length - 1));
        await repo.bump(trx, id, clock.now());
        await writeAudit(trx, clock, ctx, { action: 'application.member_removed', subjectType: 'application', subjectId: id, data: { accountId } });
      });
      return view(ctx, id);
    },

    /**
     * Ranks up to five packages, during the preference phase only. Each must
     * be on sale, open to the family's country and big enough for the family.
     * Answers with the new ranking and version (just that: this is the
     * opening-day hot path; the full view is one GET away). Written by group
     * commit with the rankings arriving at the same time.
     */
    rank: (ctx: RequestContext, id: string, packageIds: string[], expectedVersion?: number) =>
      rankings.rank(ctx, { actorId: ctx.actor?.accountId, applicationId: id, packageIds, expectedVersion }),

    /** Demand for every ranked package of a season, in seats, against capacity (optionally one country's). */
    async popularity(season: string, country?: string, language = 'ar') {
      const rows = await repo.popularity(db.kysely, season, country);
      return rows.map((r) => ({
        packageId: r.package_id,
        title: pickText(r.title, language).text,
        capacity: r.capacity,
        firstChoiceSeats: Number(r.first_choice_seats),
        anyChoiceSeats: Number(r.any_choice_seats),
        families: Number(r.families),
      }));
    },

    /** Popularity recomputed from the applications: must always equal `popularity` (tested). */
    async popularityFromRecords(season: string, country?: string) {
      const rows = await repo.popularityFromRecords(db.kysely, season, country);
      return rows.map((r) => ({ packageId: r.package_id, firstChoiceSeats: Number(r.first_choice_seats), anyChoiceSeats: Number(r.any_choice_seats), families: Number(r.families) }));
    },

    /** Applications with a ranking, for the draw's freeze (in the caller's transaction). */
    drawCandidates: (executor: Executor, season: string) => repo.drawCandidates(executor, season),

    /** The application a pilgrim is in for a season, if any. */
    applicationOf: (executor: Executor, season: string, accountId: string) => repo.applicationOf(executor, season, accountId),

    /** Every application (any season) an account is a member of. */
    applicationsOfAccount: (executor: Executor, accountId: string) => repo.applicationsOfAccount(executor, accountId),

    /** The family each of some accounts is in for a season (the open sale's group commit), by account. */
    familiesOf: async (executor: Executor, season: string, accountIds: readonly string[]) =>
      new Map((await repo.familiesOf(executor, season, accountIds)).map((r) => [r.account_id, { id: r.id, season: r.season, country: r.country, adminAccountId: r.admin_account_id, members: r.members }])),

    /** An application's admin and members, for bookings. */
    family: async (executor: Executor, id: string) => {
      const app = await repo.find(executor, id);
      return app && { id: app.id, season: app.season, country: app.country, adminAccountId: app.admin_account_id, members: (await repo.members(executor, id)).map((m) => m.account_id) };
    },

    /** A country's applications and members, for its mission. */
    countryApplications: (season: string, country: string) => repo.countryApplications(db.kysely, season, country),
  };
}
export type ApplicationService = ReturnType<typeof createApplicationService>;
