import autocannon from 'autocannon';
import { sql } from 'kysely';
import { loadConfig } from '../src/core/config.ts';
import { actingAs, systemContext, type Principal } from '../src/core/principal.ts';
import { openDatabase } from '../src/db/database.ts';
import { samplePackage } from '../src/modules/catalogue/index.ts';
import { createServices } from '../src/services.ts';
import { progress, seedPublishedPackages } from './seed.ts';
import { benchServices, emit, load, startServer, stopServer } from './support.ts';

const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 2000);
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 600_000);
const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 2000);
const DAY = 86_400_000;

const pilgrimCtx = (accountId: string, extra: Partial<Principal> = {}) => actingAs(accountId, extra, 'bench');

/**
 * intake: (1) families submitting a ranking of 5 packages over HTTP at 100
 * connections, each request from another family, against http-baseline's
 * /health and authenticated /me measured in the same run; (2) the time to
 * compute popularity for 2,000 packages from 600,000 applications.
 */
export async function run() {
  const { env, engine, db, services } = await benchServices();
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 100);
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
  await services.seasons.setCalendar(systemContext('bench'), '1448H', {
    registrationOpens: at(-10), preferenceOpens: at(-1), preferenceCloses: at(20), drawAt: at(21), offersClose: at(30), openSaleAt: at(35), visaCutoff: at(90),
    referenceDate: '2027-05-15', arrivalDate: '2027-05-10', seasonEnd: '2027-05-25',
  });

  // Packages: 40 licensed providers × 50, all open to France.
  const packageIds = await seedPublishedPackages(services, {
    providers: 40,
    total: PACKAGES,
    tag: 'intake',
    packageFor: (p, k) => samplePackage({ eligibleCountries: ['FR', 'GB', 'DE'], capacity: 100 + ((p * 50 + k) % 400) }),
  });

  // Families that will submit over HTTP: one signed-in admin each, with a profile and an application.
  const famBar = progress('families', FAMILIES);
  const families: { id: string; token: string }[] = [];
  for (let i = 0; i < FAMILIES; i++) {
    const email = `family${i}@intake.example`;
    const account = await services.accounts.createDirect(systemContext('bench'), { email, displayName: `Family ${i}`, role: 'pilgrim', locale: 'en' }, 'benchmark passphrase');
    await services.pilgrims.saveProfile(pilgrimCtx(account.id), {
      residenceCountry: 'FR', nationality: 'FR', givenNamesLatin: 'Bench', familyNameLatin: 'Family', fullNameArabic: 'عائلة',
      dateOfBirth: '1980-01-01', gender: 'male', passportNumber: `BN${String(i).padStart(7, '0')}`, passportExpiry: '2032-01-01', meningococcalVaccination: '2026-12-01',
    });
    const application = await services.applications.create(pilgrimCtx(account.id), '1448H');
    const { token } = await services.auth.signIn(systemContext('bench'), { email, password: 'benchmark passphrase', kind: 'bearer' });
    families.push({ id: application.id, token });
    famBar.increment();
  }
  famBar.stop();
  await db.close();

  const { url, child } = await startServer(env);
  try {
    const health = await load(`${url}/health`, { connections, seconds });
    const me = await load(`${url}/api/v1/me`, { connections, seconds, headers: { authorization: `Bearer ${families[0]!.token}` } });
    let next = 0;
    const result = await autocannon({
      url,
      connections,
      duration: seconds,
      requests: [{
        method: 'PUT',
        setupRequest: (req) => {
          const family = families[next++ % families.length]!;
          const start = next % (packageIds.length - 5);
          return {
            ...req,
            path: `/api/v1/applications/${family.id}/ranking`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${family.token}` },
            body: JSON.stringify({ packageIds: packageIds.slice(start, start + 5) }),
          };
        },
      }],
    });
    const context = { engine, connections, seconds, families: FAMILIES, workers: Number(process.env.BENCH_WORKERS ?? 1) };
    emit({ bench: 'intake', metric: 'ranking.rps', value: result.requests.average, unit: 'req/s', ceiling: health.rps, ratio: Number((result.requests.average / health.rps).toFixed(3)), ceilingEndpoint: '/health', ...context });
    emit({ bench: 'intake', metric: 'ranking.rps_vs_me', value: result.requests.average, unit: 'req/s', ceiling: me.rps, ratio: Number((result.requests.average / me.rps).toFixed(3)), ceilingEndpoint: '/api/v1/me', ...context });
    emit({ bench: 'intake', metric: 'ranking.p99', value: result.latency.p99, unit: 'ms', ceiling: health.p99, ...context });
    emit({ bench: 'intake', metric: 'ranking.errors', value: result.errors + result.non2xx, unit: 'count', ...context });
  } finally {
    await stopServer(child);
  }

  // Popularity at season scale: 600,000 applications (families of 1 to 3) ranking 5 of the packages,
  // generated in SQL (it is the volume that matters here, not the way in).
  const big = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 2 });
  process.stderr.write(`generating ${APPLICATIONS} applications in SQL…\n`);
  await sql`create temporary table bench_packages as select row_number() over () - 1 as n, id from packages`.execute(big.kysely);
  await sql.raw(`
    insert into accounts (id, email, email_normalized, role, display_name, locale, created_at, updated_at)
      select md5('acc' || g)::uuid, 'p' || g || '@gen.example', 'p' || g || '@gen.example', 'pilgrim', 'P', 'en', now(), now()
      from generate_series(1, ${APPLICATIONS * 2}) g;
    insert into applications (id, season, admin_account_id, country, created_at, updated_at)
      select md5('app' || g)::uuid, '1448H', md5('acc' || (2 * g - 1))::uuid, 'FR', now(), now() from generate_series(1, ${APPLICATIONS}) g;
    insert into application_members (application_id, account_id, season, role, added_at)
      select md5('app' || g)::uuid, md5('acc' || (2 * g - 1))::uuid, '1448H', 'admin', now() from generate_series(1, ${APPLICATIONS}) g;
    insert into application_members (application_id, account_id, season, role, added_at)
      select md5('app' || g)::uuid, md5('acc' || (2 * g))::uuid, '1448H', 'member', now() from generate_series(1, ${APPLICATIONS}) g where g % 2 = 0;`).execute(big.kysely);
  await sql.raw(`
    insert into application_preferences (application_id, rank, package_id, package_version)
      select md5('app' || g)::uuid, r, bp.id, 1
      from generate_series(1, ${APPLICATIONS}) g cross join generate_series(1, 5) r
      join bench_packages bp on bp.n = ((g::bigint * 7919 + r * 104729) % (select count(*) from bench_packages));
    analyze;`).execute(big.kysely);
  // The generated rankings enter the live counters the way the migration backfills them.
  await sql.raw(`
    insert into package_demand (package_id, country, shard, season, first_choice_seats, any_choice_seats, families)
    select p.package_id, a.country, (get_byte(decode(substr(a.id::text, 1, 2), 'hex'), 0) % 8), a.season,
           sum(case when p.rank = 1 then m.size else 0 end), sum(m.size), count(*)
    from application_preferences p
    join applications a on a.id = p.application_id
    join (select application_id, count(*) as size from application_members group by application_id) m on m.application_id = p.application_id
    where a.id in (select md5('app' || g)::uuid from generate_series(1, ${APPLICATIONS}) g)
    group by 1, 2, 3, 4
    on conflict (package_id, country, shard) do update set
      first_choice_seats = package_demand.first_choice_seats + excluded.first_choice_seats,
      any_choice_seats = package_demand.any_choice_seats + excluded.any_choice_seats,
      families = package_demand.families + excluded.families;
    analyze package_demand;`).execute(big.kysely);
  const bench = createServices({ config: loadConfig({ ...process.env, ...env }), db: big });
  async function time(work: () => Promise<unknown[]>) {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 5; i++) {
      const start = process.hrtime.bigint();
      rows = (await work()).length;
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    times.sort((a, b) => a - b);
    return { median: times[2]!, best: times[0]!, rows };
  }
  const live = await time(() => bench.applications.popularity('1448H'));
  const recount = await time(() => bench.applications.popularityFromRecords('1448H'));
  const scale = { engine, applications: APPLICATIONS + FAMILIES, preferences: (APPLICATIONS + FAMILIES) * 5 };
  emit({ bench: 'intake', metric: 'popularity.live.median', value: live.median, unit: 'ms', best: live.best, packages: live.rows, ...scale });
  emit({ bench: 'intake', metric: 'popularity.recount.median', value: recount.median, unit: 'ms', best: recount.best, packages: recount.rows, ...scale });
  await big.close();
}
