import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../src/core/config.ts';
import { actingAs, systemContext } from '../src/core/principal.ts';
import { openDatabase } from '../src/db/database.ts';
import { samplePackage } from '../src/modules/catalogue/index.ts';
import { createServices } from '../src/services.ts';
import { PDF, PNG } from '../src/cli/seed-documents.ts';
import { progress, seedPublishedPackages } from './seed.ts';
import { benchServices, drain, emit, fireAmount, startServer, stopServer } from './support.ts';

const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 2400);
const SEATS = Number(process.env.BENCH_SEATS ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const MINUTE = 60_000;

/**
 * open-sale: families admitted from the waiting room book one hot package over
 * HTTP at 100 connections until it sells out. Reports bookings per second and
 * p99, against the same run's bare SQL conditional update on one row, and
 * checks that not one seat was oversold.
 */
export async function run() {
  const { env, engine, db, services } = await benchServices();
  const now = Date.now();
  const at = (minutes: number) => new Date(now + minutes * MINUTE).toISOString();
  const calendar = (openSaleAt: number) => services.seasons.setCalendar(systemContext('bench'), '1448H', {
    registrationOpens: at(openSaleAt - 600), preferenceOpens: at(openSaleAt - 500), preferenceCloses: at(openSaleAt - 400), drawAt: at(openSaleAt - 300),
    offersClose: at(openSaleAt - 200), openSaleAt: at(openSaleAt), visaCutoff: at(60 * 24 * 90), referenceDate: '2027-05-15', arrivalDate: '2027-05-10', seasonEnd: '2027-05-25',
  });
  await calendar(450); // registration is open while the families apply
  await services.seasons.setQuotas(systemContext('bench'), '1448H', [{ country: 'FR', seats: 1_000_000 }]);
  await services.sale.configure(systemContext('bench'), '1448H', { admitPerMinute: 100_000, firstBatch: FAMILIES, tokenMinutes: 60, holdMinutes: 60 });
  const [hot] = await seedPublishedPackages(services, { providers: 1, total: 1, tag: 'sale', packageFor: () => samplePackage({ eligibleCountries: ['FR'], capacity: SEATS }) });

  const officerAccount = await services.accounts.createDirect(systemContext('bench'), { email: 'officer@sale.example', displayName: 'Officer', role: 'ministry_officer', locale: 'en' }, 'benchmark passphrase');
  const officer = actingAs(officerAccount.id, { role: 'ministry_officer' }, 'bench');

  // Families in the waiting room, each admitted with its own token (the same code the endpoint runs).
  const bar = progress('families', FAMILIES);
  const families: { bearer: string; admission: string }[] = [];
  const accounts: string[] = [];
  for (let i = 0; i < FAMILIES; i++) {
    const email = `family${i}@sale.example`;
    const account = await services.accounts.createDirect(systemContext('bench'), { email, displayName: `Family ${i}`, role: 'pilgrim', locale: 'en' }, 'benchmark passphrase');
    const me = actingAs(account.id, { role: 'pilgrim' }, 'bench');
    await services.pilgrims.saveProfile(me, {
      residenceCountry: 'FR', nationality: 'FR', givenNamesLatin: 'Bench', familyNameLatin: 'Family', fullNameArabic: 'عائلة',
      dateOfBirth: '1980-01-01', gender: 'male', passportNumber: `SL${String(i).padStart(7, '0')}`, passportExpiry: '2032-01-01', meningococcalVaccination: '2026-12-01',
    });
    // The passport scan and the photo, approved: an offer is accepted only with both (pilgrim.documents_awaited).
    for (const type of ['photo', 'passport_scan'] as const) {
      const profile = await services.pilgrims.uploadDocument(me, type, type === 'photo' ? PNG : PDF);
      const doc = profile.documents.find((d) => d.type === type && d.status === 'pending')!;
      await services.pilgrims.review(officer, doc.id, 'approve', undefined);
    }
    await services.applications.create(me, '1448H');
    accounts.push(account.id);
    bar.increment();
  }
  bar.stop();
  await calendar(-1); // the sale opened a minute ago
  for (const [i, id] of accounts.entries()) {
    const queue = await services.sale.join(actingAs(id, { role: 'pilgrim' }, 'bench'), '1448H');
    const { token } = await services.auth.signIn(systemContext('bench'), { email: `family${i}@sale.example`, password: 'benchmark passphrase', kind: 'bearer' });
    families.push({ bearer: token, admission: queue.admissionToken! });
  }
  await db.close();

  const { url, child } = await startServer(env);
  let http: autocannon.Result;
  let seconds = 0;
  const refusals: Record<string, number> = {};
  try {
    let next = 0;
    ({ result: http, seconds } = await fireAmount({
      url,
      connections: CONNECTIONS,
      amount: FAMILIES,
      requests: [{
        method: 'POST',
        path: '/api/v1/seasons/1448H/sale/bookings',
        setupRequest: (req) => {
          const f = families[next++ % families.length]!;
          return { ...req, headers: { 'content-type': 'application/json', authorization: `Bearer ${f.bearer}`, 'admission-token': f.admission }, body: JSON.stringify({ packageId: hot }) };
        },
        // The refusals by their problem code (sold out is expected once the seats are gone; anything else is a fault).
        onResponse: (status, body) => {
          if (status < 300) return;
          const code = (() => { try { return String((JSON.parse(body) as { code?: string }).code); } catch { return `http.${status}`; } })();
          refusals[code] = (refusals[code] ?? 0) + 1;
        },
      }],
    }));
  } finally {
    await stopServer(child);
  }

  // The ceiling: the bare conditional update on one row, from as many connections as the server's pool.
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });
  await pool.query('create table sale_ceiling (id integer primary key, taken integer not null, capacity integer not null)');
  await pool.query('insert into sale_ceiling values (1, 0, $1)', [SEATS]);
  const sqlSeconds = await drain(FAMILIES, CONNECTIONS, () => pool.query('update sale_ceiling set taken = taken + 1 where id = 1 and taken + 1 <= capacity'));
  const sqlRate = FAMILIES / sqlSeconds;
  await pool.end();

  const check = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 1 });
  const after = createServices({ config: loadConfig({ ...process.env, ...env }), db: check });
  const violations = await after.bookings.capacityViolations('1448H');
  const held = await check.kysely.selectFrom('bookings').select((eb) => eb.fn.countAll<number>().as('n')).where('package_id', '=', hot!).where('status', '=', 'held').executeTakeFirstOrThrow();
  await check.close();

  const booked = Number(held.n);
  const rate = booked / seconds; // every request is answered within this time; the sold-out ones are quick
  const context = { engine, connections: CONNECTIONS, families: FAMILIES, seats: SEATS };
  emit({ bench: 'open-sale', metric: 'bookings.rps', value: Number(rate.toFixed(1)), unit: 'bookings/s', ceiling: Number(sqlRate.toFixed(1)), ratio: Number((rate / sqlRate).toFixed(3)), ceilingWork: 'UPDATE … WHERE taken + 1 <= capacity on one row, 10 connections', ...context });
  emit({ bench: 'open-sale', metric: 'bookings.p99', value: http.latency.p99, unit: 'ms', p50: http.latency.p50, ...context });
  emit({ bench: 'open-sale', metric: 'bookings.answers', value: http.non2xx + http['2xx'], unit: 'count', created: http['2xx'], refused: http.non2xx, refusals, errors: http.errors, ...context });
  emit({ bench: 'open-sale', metric: 'oversold', value: Math.max(0, booked - SEATS) + violations.length, unit: 'seats', booked, violations: violations.length, ...context });
}
