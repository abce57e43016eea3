import countries from 'i18n-iso-countries';
import http from 'node:http';
import pg from 'pg';
import { loadConfig } from '../src/core/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrator.ts';
import { createCatalogueRepository, type CatalogueFilter } from '../src/modules/catalogue/index.ts';
import { samplePackage } from '../src/modules/catalogue/index.ts';
import { riyadhDate } from '../src/core/dates.ts';
import { scryptHasher } from '../src/modules/accounts/index.ts';
import { createServices } from '../src/services.ts';
import { seedPublishedPackages } from './seed.ts';
import { benchDatabaseEnv, emit, startServer, stopServer } from './support.ts';

const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 2000);
const PROVIDERS = 40;
const COUNTRY_COUNT = 126;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 400);

/** A small deterministic generator, so every run seeds the same catalogue. */
function rng(seed: number) {
  return (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
}

/** GET over a keep-alive connection with Node's own client (lighter than fetch, like a real API client). */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function get(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(`${url} answered ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeIt(samples: number, work: (i: number) => Promise<void>) {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = process.hrtime.bigint();
    await work(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/**
 * catalogue: with 2,000 published packages across 126 countries, the latency
 * of a filtered catalogue page and of a 5-package compare over HTTP (server in
 * another process), against the same SQL sent straight to PostgreSQL in the
 * same run. ratio = bare p50 / HTTP p50 (1 would mean HTTP costs nothing).
 */
export async function run() {
  process.env.BENCH_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/manasik_bench';
  const { env, engine } = await benchDatabaseEnv();
  const url = env.DATABASE_URL!;
  const countryCodes = Object.keys(countries.getAlpha2Codes()).sort().slice(0, COUNTRY_COUNT);
  const random = rng(1447);

  // Seed through the services, as providers would.
  const db = await openDatabase({ databaseUrl: url });
  await migrate(db);
  const config = loadConfig({ ...process.env, ...env });
  const services = createServices({ config, db, hasher: scryptHasher({ N: 1024, r: 8, p: 1 }) });
  const ids = await seedPublishedPackages(services, {
    providers: PROVIDERS,
    total: PACKAGES,
    tag: 'catalogue',
    packageFor: (_p, k) => samplePackage({
      capacity: 50 + random(400),
      minaCamp: (['A', 'B', 'C', 'D'] as const)[random(4)]!,
      makkah: { hotel: `Hotel ${k}`, distanceM: 100 + random(6000), roomOccupancy: 2 + random(3) },
      eligibleCountries: [...new Set(Array.from({ length: 10 + random(30) }, () => countryCodes[random(countryCodes.length)]!))],
      priceLines: [
        { component: 'makkah_housing', net: 500_000 + random(3_000_000) },
        { component: 'mina_arafat', net: 400_000 + random(1_000_000) },
        { component: 'meals', net: 100_000 + random(300_000) },
      ],
    }),
  });
  await db.close();

  const { url: base, child } = await startServer(env);
  const bare = new pg.Pool({ connectionString: url, max: 1 });
  const compiler = await openDatabase({ databaseUrl: url, poolSize: 1 });
  const repo = createCatalogueRepository();
  const today = riyadhDate(new Date());
  const filterFor = (i: number): CatalogueFilter => ({
    country: countryCodes[i % countryCodes.length]!,
    camp: 'A,B',
    sort: 'price_asc',
    limit: 20,
    offset: 0,
  });
  const compareFor = (i: number) => Array.from({ length: 5 }, (_, k) => ids[(i * 7 + k * 401) % ids.length]!);
  const compareIdsQuery = (list: string[]) =>
    repo.byIdsQuery(compiler.kysely, list, today).compile();
  try {
    // Warm both paths (JIT, plans, pools) before measuring.
    for (let i = 0; i < 50; i++) {
      await get(`${base}/api/v1/catalogue?country=${filterFor(i).country}&camp=A,B`);
      await get(`${base}/api/v1/catalogue/compare?ids=${compareFor(i).join(',')}`);
      const q = repo.pageQuery(compiler.kysely, filterFor(i), today).compile();
      await bare.query(q.sql, [...q.parameters]);
      const c = compareIdsQuery(compareFor(i));
      await bare.query(c.sql, [...c.parameters]);
    }
    const httpPage = await timeIt(SAMPLES, async (i) => {
      await get(`${base}/api/v1/catalogue?country=${filterFor(i).country}&camp=A,B&sort=price_asc&limit=20`);
    });
    const barePage = await timeIt(SAMPLES, async (i) => {
      const q = repo.pageQuery(compiler.kysely, filterFor(i), today).compile();
      await bare.query(q.sql, [...q.parameters]);
    });
    const httpCompare = await timeIt(SAMPLES, async (i) => {
      await get(`${base}/api/v1/catalogue/compare?ids=${compareFor(i).join(',')}`);
    });
    const bareCompare = await timeIt(SAMPLES, async (i) => {
      const q = compareIdsQuery(compareFor(i));
      await bare.query(q.sql, [...q.parameters]);
    });
    const context = { engine, packages: ids.length, countries: countryCodes.length, samples: SAMPLES };
    const ratio = (ceiling: number, value: number) => Number((ceiling / value).toFixed(3));
    emit({ bench: 'catalogue', metric: 'page.p50', value: httpPage.p50, unit: 'ms', ceiling: barePage.p50, ratio: ratio(barePage.p50, httpPage.p50), ...context });
    emit({ bench: 'catalogue', metric: 'page.p99', value: httpPage.p99, unit: 'ms', ceiling: barePage.p99, ratio: ratio(barePage.p99, httpPage.p99), ...context });
    emit({ bench: 'catalogue', metric: 'compare.p50', value: httpCompare.p50, unit: 'ms', ceiling: bareCompare.p50, ratio: ratio(bareCompare.p50, httpCompare.p50), ...context });
    emit({ bench: 'catalogue', metric: 'compare.p99', value: httpCompare.p99, unit: 'ms', ceiling: bareCompare.p99, ratio: ratio(bareCompare.p99, httpCompare.p99), ...context });
  } finally {
    await stopServer(child);
    agent.destroy();
    await bare.end();
    await compiler.close();
  }
}
