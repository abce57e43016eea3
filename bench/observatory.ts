import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { systemContext } from '../src/core/principal.ts';
import { openDatabase } from '../src/db/database.ts';
import { platformSecret } from '../src/db/platform-secrets.ts';
import { indicators, linkToken } from '../src/modules/observatory/index.ts';
import { benchServices, emit, fireAmount, load, startServer, stopServer } from './support.ts';

const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 20_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PROVIDERS = Number(process.env.BENCH_PROVIDERS ?? 2000);
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_845_045);
const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 100_000);
const RUNS = 3;

/**
 * observatory, on PostgreSQL —
 * - `responses.rps`: survey answers over HTTP at 100 connections against a server in another
 *   process, each from another invitation's single-use link; ceiling the same run's
 *   authenticated GET /api/v1/me, just before and just after (the mean);
 * - `scorecards.ms`: every indicator of 2,000 providers (CSAT, NPS, response rate, complaints per
 *   1,000, adherence, median times) from 1,845,045 responses over 40 days, their invitations, the
 *   pilgrims served and 100,000 complaints with their event logs — the past days from the daily
 *   rollup (folded first, as the hourly poller keeps it), today from the rows; ceiling a bare
 *   `select provider_id, count(*) … group by` over each of the same tables, same run; ratio =
 *   ceiling time / our time. Best of three each.
 */
export async function run() {
  const { env, engine, db, services } = await benchServices();
  await services.observatory.ensureDefaults();
  const now = new Date();
  const q = await db.kysely.selectFrom('survey_questionnaires').select(['id', 'programme', 'stage']).where('code', '=', 'hajj-departure').executeTakeFirstOrThrow();
  const secret = await platformSecret(db.kysely, services.clock, 'survey-links');

  // Accounts: one signed in (for /me), 2,000 pilgrims who are invited many times (one subject each time).
  const token = `mkb_${randomBytes(32).toString('base64url')}`;
  const accounts = Array.from({ length: 2000 }, () => randomUUID());
  await sql`insert into accounts (id, email, email_normalized, role, display_name, locale, status, email_verified_at, created_at, updated_at)
    select u.id, u.id || '@bench.example', u.id || '@bench.example', 'pilgrim', 'Bench', 'en', 'active', ${now}, ${now}, ${now} from unnest(${accounts}::uuid[]) as u(id)`.execute(db.kysely);
  await sql`insert into sessions (token_hash, account_id, kind, created_at, expires_at) values (${createHash('sha256').update(token).digest('hex')}, ${accounts[0]}, 'bearer', ${now}, ${new Date(now.getTime() + 86_400_000)})`.execute(db.kysely);

  // Providers (a licensed company each), owned by the first account.
  await sql`insert into providers (id, legal_name_ar, legal_name_en, cr_number, licence_number, ownership_declaration, paid_up_capital, bank_guarantee_ref, offices, contacts, status, licence_valid_from, licence_valid_to, applied_by, created_at, updated_at)
    select gen_random_uuid(), 'شركة ' || g, 'Company ' || g, 'CR' || g, 'HJ-B' || g, 'Saudi owned', 500000000, 'BG' || g, '[]', '[]', 'licensed', '2026-01-01', '2030-01-01', ${accounts[0]}, ${now}, ${now}
    from generate_series(1, ${PROVIDERS}) g`.execute(db.kysely);
  const providers = (await db.kysely.selectFrom('providers').select('id').execute()).map((p) => p.id);

  // The answers to send: fresh invitations of the departure survey, one link each.
  const answerInvites = Array.from({ length: ANSWERS }, () => randomUUID());
  await sql`insert into survey_invitations (id, questionnaire_id, account_id, subject, language, programme, stage, provider_id, package_id, country_code, nationality_group, created_at, expires_at)
    select u.id, ${q.id}, (${accounts}::uuid[])[1 + (u.n % 2000)], 'answer-' || u.n, 'en', 'hajj', 'departure', (${providers}::uuid[])[1 + (u.n % ${PROVIDERS})], null, 'FR', 'europeAmericasOceania', ${now}, ${new Date(now.getTime() + 30 * 86_400_000)}
    from unnest(${answerInvites}::uuid[]) with ordinality as u(id, n)`.execute(db.kysely);

  // The season behind the scorecards: invitations and responses, pilgrims served, complaints with their logs.
  const seedStart = performance.now();
  await sql`insert into survey_invitations (id, questionnaire_id, account_id, subject, language, programme, stage, provider_id, package_id, country_code, nationality_group, created_at, expires_at, first_shown_at, responded_at)
    select gen_random_uuid(), ${q.id}, (${accounts}::uuid[])[1 + (g % 2000)], 'season-' || g, case when g % 3 = 0 then 'ar' else 'en' end, 'hajj', 'departure',
           (${providers}::uuid[])[1 + (g % ${PROVIDERS})], null, (array['FR','EG','ID','PK','TR','NG'])[1 + g % 6], 'arab',
           ${now}::timestamptz - (g % 40) * interval '1 day', ${now}::timestamptz + interval '30 days', ${now}::timestamptz - (g % 40) * interval '1 day', ${now}::timestamptz - (g % 40) * interval '1 day'
    from generate_series(1, ${RESPONSES}) g order by g % 40 desc, g`.execute(db.kysely);
  // (Rows are written day by day, oldest first, as a live system writes them: a day's rows lie together.)
  await sql`insert into survey_responses (id, invitation_id, questionnaire_id, programme, stage, language, provider_id, package_id, country_code, nationality_group, csat, nps, answers, submitted_at, day)
    select gen_random_uuid(), i.id, i.questionnaire_id, 'hajj', 'departure', i.language, i.provider_id, null, i.country_code, i.nationality_group,
           1 + (abs(hashtext(i.id::text)) % 5), abs(hashtext(i.subject)) % 11, '{}', i.responded_at, (i.responded_at at time zone 'Asia/Riyadh')::date
    from survey_invitations i where i.subject like 'season-%' order by i.responded_at`.execute(db.kysely);
  await sql`insert into guest_journeys (account_id, subject, provider_id, package_id, country_code, nationality_group, language, started_at)
    select (${accounts}::uuid[])[1 + (g % 2000)], 'journey-' || g, (${providers}::uuid[])[1 + (g % ${PROVIDERS})], null, 'FR', 'arab', 'en', ${now}::timestamptz - (40 + g % 30) * interval '1 day'
    from generate_series(1, ${RESPONSES}) g order by g % 30 desc, g`.execute(db.kysely);
  await sql`insert into complaints (id, reference, complainant_id, filed_by, channel, language, country_code, about, provider_id, category, severity, description, description_screened, state, created_at, updated_at, resolved_at)
    select gen_random_uuid(), 'CB-' || g, (${accounts}::uuid[])[1 + (g % 2000)], (${accounts}::uuid[])[1 + (g % 2000)], 'web', 'en', 'FR', 'provider',
           (${providers}::uuid[])[1 + (g % ${PROVIDERS})], 'housing', 'medium', 'x', 'x', 'resolved', ${now}::timestamptz - interval '5 days', ${now}, ${now}
    from generate_series(1, ${COMPLAINTS}) g`.execute(db.kysely);
  // Each complaint's log: filed, acknowledged (met at once), answered (met early or late), resolved (met).
  await sql`insert into complaint_events (complaint_id, action, actor, from_state, to_state, data, at)
    select c.id, e.action, 'system', null, null, e.data::jsonb, c.created_at + e.after
    from complaints c cross join lateral (values
      ('file', '{"targets":{"acknowledgeMinutes":0,"firstAnswerMinutes":120,"resolveMinutes":4320}}', interval '0'),
      ('deadline_met', '{"kind":"acknowledge","minutes":0,"late":false,"breached":false}', interval '0'),
      ('deadline_met', case when abs(hashtext(c.id::text)) % 4 = 0 then '{"kind":"first_answer","minutes":-30,"late":true,"breached":false}' else '{"kind":"first_answer","minutes":45,"late":false,"breached":false}' end, interval '75 minutes'),
      ('deadline_met', '{"kind":"resolve","minutes":1000,"late":false,"breached":false}', interval '2 days')) as e(action, data, after)`.execute(db.kysely);
  for (const table of ['accounts', 'sessions', 'providers', 'survey_invitations', 'survey_responses', 'guest_journeys', 'complaints', 'complaint_events', 'survey_questionnaires']) await sql`vacuum analyze ${sql.table(table)}`.execute(db.kysely);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  // The past days folded into the rollup, as the hourly poller of a live system has them; today stays live.
  const foldStart = performance.now();
  const foldedDays = await services.observatory.foldDays();
  const foldSeconds = (performance.now() - foldStart) / 1000;
  await sql`vacuum analyze survey_rollup`.execute(db.kysely);

  // scorecards.ms: ours and the bare GROUP BYs, best of three each, alternating.
  const bare = async () => {
    const t0 = performance.now();
    for (const table of ['survey_responses', 'survey_invitations', 'guest_journeys', 'complaints']) await sql`select provider_id, count(*) from ${sql.table(table)} group by provider_id`.execute(db.kysely);
    await sql`select complaint_id, count(*) from complaint_events group by complaint_id`.execute(db.kysely);
    return performance.now() - t0;
  };
  // Ours: every indicator of every provider, from the counts (what a scorecard shows). Storing the
  // 2,000 scorecards afterwards is timed apart (scorecards.store.ms), being writes, not the GROUP BY's work.
  let groups = 0;
  const ours = async () => {
    const t0 = performance.now();
    const counts = await services.observatory.countsBy('provider', {});
    groups = [...counts.values()].map((c) => indicators(c)).length;
    return performance.now() - t0;
  };
  const oursTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bareTimes.push(await bare());
    oursTimes.push(await ours());
  }
  const storeStart = performance.now();
  await services.observatory.computeScorecards(systemContext('bench'));
  const storeMs = performance.now() - storeStart;
  const scorecards = await db.kysely.selectFrom('provider_scorecards').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  await db.close();

  // responses.rps over HTTP.
  const { url, child } = await startServer(env);
  let rps = 0;
  let p99 = 0;
  let ok = 0;
  let refused = 0;
  let meBefore = 0;
  let meAfter = 0;
  try {
    await load(`${url}/health`, { connections: CONNECTIONS, seconds: 2 });
    const meRate = async () => (await load(`${url}/api/v1/me`, { connections: CONNECTIONS, seconds: SECONDS / 2, headers: { authorization: `Bearer ${token}` } })).rps;
    meBefore = await meRate();
    let next = 0;
    const { result, seconds } = await fireAmount({
      url, connections: CONNECTIONS, amount: ANSWERS,
      requests: [{
        method: 'POST',
        setupRequest: (req) => {
          const i = next++;
          const score = 1 + (i % 5);
          return { ...req, path: `/api/v1/surveys/links/${linkToken(secret, answerInvites[i % ANSWERS]!, q.id)}/response`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: { overall: score, housing: score, recommend: (i * 7) % 11, comment: i % 10 === 0 ? 'The bus was late; call +966 55 123 4567' : '' } }) };
        },
      }],
    });
    meAfter = await meRate();
    rps = result['2xx'] / seconds;
    p99 = result.latency.p99;
    ok = result['2xx'];
    refused = result.non2xx;
  } finally {
    await stopServer(child);
  }
  const check = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 2 });
  const stored = Number((await check.kysely.selectFrom('survey_responses').select((eb) => eb.fn.countAll<string>().as('n')).where('invitation_id', 'in', check.kysely.selectFrom('survey_invitations').select('id').where('subject', 'like', 'answer-%')).executeTakeFirstOrThrow()).n);
  await check.close();

  const me = (meBefore + meAfter) / 2;
  const context = { engine, connections: CONNECTIONS };
  emit({ bench: 'observatory', metric: 'responses.rps', value: Number(rps.toFixed(1)), unit: 'answers/s', ceiling: Number(me.toFixed(1)), ratio: Number((rps / me).toFixed(3)), ceilingWork: 'GET /api/v1/me with a bearer token, same run: the mean of just before and just after this phase', ceilingBefore: Number(meBefore.toFixed(1)), ceilingAfter: Number(meAfter.toFixed(1)), ok, refused, stored, ...context });
  emit({ bench: 'observatory', metric: 'responses.p99', value: p99, unit: 'ms', ...context });
  const best = Math.min(...oursTimes);
  const ceiling = Math.min(...bareTimes);
  emit({ bench: 'observatory', metric: 'scorecards.ms', value: Number(best.toFixed(1)), unit: 'ms', ceiling: Number(ceiling.toFixed(1)), ratio: Number((ceiling / best).toFixed(3)), ceilingWork: 'select provider_id, count(*) … group by over survey_responses, survey_invitations, guest_journeys and complaints, and complaint_id over complaint_events: the same rows, same run', runs: oursTimes.map((t) => Number(t.toFixed(1))), ceilingRuns: bareTimes.map((t) => Number(t.toFixed(1))), providers: PROVIDERS, responses: RESPONSES, complaints: COMPLAINTS, groups, scorecards: Number(scorecards.n), computeAndStoreMs: Number(storeMs.toFixed(1)), seedSeconds: Number(seedSeconds.toFixed(1)), foldedDays, foldSeconds: Number(foldSeconds.toFixed(1)), ...context });
}
