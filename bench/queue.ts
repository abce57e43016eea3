import autocannon from 'autocannon';
import { actingAs, systemContext } from '../src/core/principal.ts';
import { progress } from './seed.ts';
import { benchServices, emit, load, startServer, stopServer } from './support.ts';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MINUTE = 60_000;

/** `connections` connections for `seconds`, each request carrying the next of `headers`; every answer must be a 200. */
async function rotating(url: string, headers: Record<string, string>[]) {
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, headers: headers[next++ % headers.length]! }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/**
 * queue: the open sale's waiting room at the opening, when everyone polls. Each
 * of PEOPLE people has a place; polls go (a) by place token, answered from the
 * process's caches with no session and no database read, and (b) as before, by
 * session (session lookup and the place read from the database). Ceiling: the
 * same run's `/health` (the HTTP stack, no database).
 */
export async function run() {
  const { env, engine, db, services } = await benchServices();
  const now = Date.now();
  const at = (minutes: number) => new Date(now + minutes * MINUTE).toISOString();
  await services.seasons.setCalendar(systemContext('bench'), '1448H', {
    registrationOpens: at(-600), preferenceOpens: at(-500), preferenceCloses: at(-400), drawAt: at(-300),
    offersClose: at(-200), openSaleAt: at(-1), visaCutoff: at(60 * 24 * 90), referenceDate: '2027-05-15', arrivalDate: '2027-05-10', seasonEnd: '2027-05-25',
  });
  // A slow admission rate: most of the room is still waiting, as at a real opening.
  await services.sale.configure(systemContext('bench'), '1448H', { admitPerMinute: 10, firstBatch: Math.floor(PEOPLE / 10), tokenMinutes: 10, holdMinutes: 60 });

  const bar = progress('people in the waiting room', PEOPLE);
  const byPlace: Record<string, string>[] = [];
  const bySession: Record<string, string>[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const email = `waiting${i}@queue.example`;
    const account = await services.accounts.createDirect(systemContext('bench'), { email, displayName: `Waiting ${i}`, role: 'pilgrim', locale: 'en' }, 'benchmark passphrase');
    const place = await services.sale.join(actingAs(account.id, { role: 'pilgrim' }, 'bench'), '1448H');
    const { token } = await services.auth.signIn(systemContext('bench'), { email, password: 'benchmark passphrase', kind: 'bearer' });
    byPlace.push({ 'place-token': place.placeToken! });
    bySession.push({ authorization: `Bearer ${token}` });
    bar.increment();
  }
  bar.stop();
  await db.close();

  const { url, child } = await startServer(env);
  try {
    await load(`${url}/health`, { connections: CONNECTIONS, seconds: 2 }); // warm-up (JIT, pools)
    const health = await load(`${url}/health`, { connections: CONNECTIONS, seconds: SECONDS });
    const place = await rotating(`${url}/api/v1/seasons/1448H/sale/place`, byPlace);
    const session = await rotating(`${url}/api/v1/seasons/1448H/sale/queue`, bySession);
    const context = { engine, connections: CONNECTIONS, seconds: SECONDS, people: PEOPLE };
    emit({ bench: 'queue', metric: 'queue.polls.rps', value: place.rps, unit: 'req/s', ceiling: health.rps, ratio: Number((place.rps / health.rps).toFixed(3)), p99: place.p99, work: 'GET …/sale/place with a place token: no session, no database read', ...context });
    emit({ bench: 'queue', metric: 'queue.session_polls.rps', value: session.rps, unit: 'req/s', ceiling: health.rps, ratio: Number((session.rps / health.rps).toFixed(3)), p99: session.p99, work: 'GET …/sale/queue with a session: session lookup and the place read from the database', ...context });
  } finally {
    await stopServer(child);
  }
}
