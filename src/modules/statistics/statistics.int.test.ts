import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../core/principal.ts';
import { createTestApp, testEngine, type TestApp } from '../../testing/harness.ts';
import { keyOf, recordColumns, valuesOf } from './domain/records.ts';

/** A small season with small cells: 5 sea arrivals, 12 land arrivals (on 1446H, which the API's season codes take). */
const marginals = JSON.stringify({ seasons: [{
  season: '1446H', gregorianYear: 2025, total: 2000, residence: { foreign: 1800, domestic: 200 }, gender: { male: 1050, female: 950 },
  foreignByRegion: { arab: 400, asia: 1100, africa: 250, europeAmericasOceania: 50 }, foreignByArrival: { air: 1783, land: 12, sea: 5 }, makkahRoute: 300,
}] });

let t: TestApp;
let statistics: Record<string, string>;
let admin: Record<string, string>;
let mission: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  statistics = (await t.signInAs('statistics_officer')).headers;
  admin = (await t.signInAs('ministry_admin')).headers;
  mission = (await t.signInAs('mission_officer', { countryCode: 'ID' })).headers;
  const sim = t.services.statistics.generate('1446H', marginals, 5);
  await t.services.statistics.load(systemContext('test'), sim, { seed: 5 });
}, 180_000);
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url: `/api/v1${url}`, headers });

describe('the season tables', () => {
  it('gives the official figures exactly to the ministry, in the format of data/hajj-seasons.json', async () => {
    const res = await get('/statistics/hajj/1446H/figures', admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(JSON.parse(marginals).seasons[0]);
  });

  it('withholds small cells from the public and flags them, with a complement so none can be worked out', async () => {
    const res = await get('/statistics/hajj/1446H');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.disclosure).toBe('public');
    const arrival = body.tables.find((x: { id: string }) => x.id === 'foreign_by_arrival');
    expect(arrival.total).toBe(1800);
    expect(arrival.cells).toEqual(expect.arrayContaining([
      { key: ['sea'], value: null, flag: 'C' },
      { key: ['land'], value: null, flag: 'D' },
      { key: ['air'], value: 1783, flag: null },
    ]));
    for (const table of body.tables) for (const c of table.cells) expect(c.value === null || c.value === 0 || c.value >= 10, `${table.id} ${c.key}`).toBe(true);
    expect(body.labels.entryPort.JED.ar).toMatch(/جدة/);
  });

  it('gives every cell to the ministry and the statistics authority, and nothing of it to anyone else', async () => {
    const full = (await get('/statistics/hajj/1446H/full', statistics)).json();
    expect(full.tables.find((x: { id: string }) => x.id === 'foreign_by_arrival').cells).toContainEqual({ key: ['sea'], value: 5, flag: null });
    expect((await get('/statistics/hajj/1446H/full')).statusCode).toBe(401);
    expect((await get('/statistics/hajj/1446H/full', mission)).statusCode).toBe(403);
  });

  it('shows a mission its own country\'s tables only', async () => {
    const res = await get('/statistics/hajj/1446H/mission', mission);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.country).toBe('ID');
    const total = (await get('/statistics/hajj/1446H/full', admin)).json().tables.find((x: { id: string }) => x.id === 'nationality').cells.find((c: { key: string[] }) => c.key[0] === 'ID').value;
    expect(body.tables.find((x: { id: string }) => x.id === 'total').total).toBe(total);
  });

  it('lists the seasons with their figures for year on year, and the official 1444H figures', async () => {
    const list = (await get('/statistics/hajj')).json();
    expect(list.map((s: { season: string }) => s.season)).toEqual(expect.arrayContaining(['1446H', '1444H']));
    expect(list.find((s: { season: string }) => s.season === '1446H')).toMatchObject({ status: 'complete', gregorianYear: 2025, official: null, matchesOfficial: null });
    expect(list.find((s: { season: string }) => s.season === '1444H')).toMatchObject({ status: 'none', figures: null, official: { total: 1845045 } });
  });

  it('answers a season without records, and a season code that is not one, as problems', async () => {
    expect((await get('/statistics/hajj/1447H')).json().code).toBe('statistics.no_records');
    expect((await get('/statistics/hajj/2023')).statusCode).toBe(400);
  });
});

describe('open data', () => {
  it('downloads the tables as CSV, JSON and SDMX-CSV with dimension and status columns, small cells withheld', async () => {
    const csv = await get('/statistics/hajj/1446H/open-data/tables.csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe('season,table,population,dimension_1,code_1,dimension_2,code_2,value,flag');
    expect(csv.body).toContain('1446H,foreign_by_arrival,foreign,arrival_mode,sea,,,,C');
    const json = (await get('/statistics/hajj/1446H/open-data/tables.json')).json();
    expect(json.tables.length).toBeGreaterThan(10);
    const sdmx = await get('/statistics/hajj/1446H/open-data/tables.sdmx.csv');
    const [header, ...rows] = sdmx.body.trim().split('\r\n');
    expect(header).toBe('STRUCTURE,STRUCTURE_ID,ACTION,SEASON,RESIDENCE,SEX,REGION,NATIONALITY,ARRIVAL_MODE,ENTRY_PORT,ARRIVAL_DATE,MAKKAH_ROUTE,AGE,DEPARTURE_PORT,DEPARTURE_DATE,STAT_MEASURE,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,CONF_STATUS');
    expect(rows).toContain('dataflow,MANASIK:HAJJ_PILGRIMS(1.0.0),I,1446H,_T,_T,_T,_T,_T,_T,_T,_T,_T,_T,_T,PILGRIMS,2000,PS,A,F');
    expect(rows).toContain('dataflow,MANASIK:HAJJ_PILGRIMS(1.0.0),I,1446H,FOREIGN,_T,_T,_T,SEA,_T,_T,_T,_T,_T,_T,PILGRIMS,,PS,A,C');
    expect(sdmx.headers['content-disposition']).toContain('manasik-hajj-1446H-tables.sdmx.csv');
  });
});

describe('importing batches from the channels outside the platform', () => {
  const header = 'document,issuer,residence,nationality,gender,age,entry_port,arrival_date,makkah_route';
  const lines = ['A1234567,EG,foreign,EG,male,54,JIP,2026-05-01,false', 'B7654321,PK,foreign,PK,female,61,JED,2026-05-05,true', 'C1111111,JO,foreign,JO,male,47,HAM,2026-05-10,false'];
  const post = (csv: string, path = 'arrivals/hajj_office', headers = statistics) =>
    t.app.inject({ method: 'POST', url: `/api/v1/statistics/hajj/1447H/imports/${path}`, headers: { ...headers, 'content-type': 'text/csv' }, payload: csv });

  it('records a batch once, even sent twice', async () => {
    const first = await post([header, ...lines].join('\n'));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ records: 3, recorded: 3, duplicate: false });
    const again = await post([header, ...lines].join('\n'));
    expect(again.json()).toMatchObject({ batchId: first.json().batchId, recorded: 0, duplicate: true });
    expect((await t.app.inject({ url: '/api/v1/statistics/hajj/1447H/figures', headers: admin })).json()).toMatchObject({ total: 3, makkahRoute: 1, foreignByArrival: { air: 1, land: 1, sea: 1 } });
  });

  it('refuses a whole batch for one bad line, naming the line, and records nothing', async () => {
    const before = await t.tableCounts();
    for (const [bad, problem] of [
      ['D2222222,EG,foreign,EG,male,54,XXX,2026-05-01,false', 'unknown_port'],
      ['D2222222,EG,foreign,EG,male,54,MED,2026-05-01,true', 'makkah_route_country'],
      ['D2222222,EG,domestic,EG,male,54,,2026-05-01,false', 'wrong_residence'],
      ['D2222222,EG,foreign,EG,male,54,JED,2025-01-01,false', 'date_outside_season'],
      ['A1234567,EG,foreign,EG,male,54,JED,2026-05-01,false', 'already_recorded'],
      ['E2222222,ZZ,foreign,EG,male,54,JED,2026-05-01,false', 'unknown_country'],
      ['E2222222,EG,foreign,EG,other,54,JED,2026-05-01,false', 'bad_field'],
    ]) {
      const res = await post([header, 'F9999999,FR,foreign,FR,female,40,JED,2026-05-02,false', bad].join('\n'));
      expect(res.statusCode, bad).toBe(400);
      expect(res.json()).toMatchObject({ code: 'statistics.bad_line', params: { line: 3, problem } });
    }
    const duplicate = await post([header, 'F9999999,FR,foreign,FR,female,40,JED,2026-05-02,false', 'F 999-9999,fr,foreign,FR,female,40,JED,2026-05-02,false'].join('\n'));
    expect(duplicate.json().params).toMatchObject({ line: 3, problem: 'duplicate' });
    expect((await post('name,seats\nx,1')).json().params).toMatchObject({ line: 1, problem: 'bad_header' });
    expect(await t.tableCounts()).toEqual(before);
  });

  it('takes the same batch as JSON, and departures after arrivals', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/statistics/hajj/1447H/imports', headers: statistics, payload: {
      kind: 'departures', source: 'border', records: [{ document: 'A1234567', issuer: 'EG', departure_port: 'JIP', departure_date: '2026-06-10' }],
    } });
    expect(res.statusCode, res.body).toBe(200);
    const tables = (await t.app.inject({ url: '/api/v1/statistics/hajj/1447H/full', headers: admin })).json().tables;
    expect(tables.find((x: { id: string }) => x.id === 'departures_by_port_date').cells).toEqual([{ key: ['JIP', '2026-06-10'], value: 1, flag: null }]);
    const twice = await t.app.inject({ method: 'POST', url: '/api/v1/statistics/hajj/1447H/imports', headers: statistics, payload: {
      kind: 'departures', source: 'border', records: [{ document: 'B7654321', issuer: 'PK', departure_port: 'MED', departure_date: '2026-06-11' }, { document: 'A1234567', issuer: 'EG', departure_port: 'JIP', departure_date: '2026-06-12' }],
    } });
    expect(twice.json()).toMatchObject({ code: 'statistics.bad_line', params: { line: 2, problem: 'already_departed' } });
  });

  it('is for the border and statistics authority only', async () => {
    expect((await post([header, ...lines].join('\n'), 'arrivals/hajj_office', admin)).statusCode).toBe(403);
    const list = await t.app.inject({ url: '/api/v1/statistics/hajj/1447H/imports', headers: admin });
    expect(list.json().length).toBe(2);
  });
});

describe('the simulator on a season that has records', () => {
  it('refuses to build over them unless told to replace them', async () => {
    const sim = t.services.statistics.generate('1446H', marginals, 6);
    await expect(t.services.statistics.load(systemContext('test'), sim, { seed: 6 })).rejects.toMatchObject({ code: 'statistics.season_has_records', params: { records: 2000 } });
    await t.services.statistics.load(systemContext('test'), sim, { seed: 6, replace: true });
    expect((await t.services.statistics.figures('1446H')).total).toBe(2000);
  });

  it(`loads every record's values exactly${testEngine === 'postgres' ? ' (written in a worker thread)' : ''}, reporting its progress`, async () => {
    const sim = t.services.statistics.generate('1446H', marginals, 7);
    const progress: number[] = [];
    await t.services.statistics.load(systemContext('test'), sim, { seed: 7, replace: true, progress: (done, total) => progress.push(done / total) });
    expect(progress.at(-1)).toBe(1);
    const rows = (await sql.raw<Record<string, unknown>>(`select ${recordColumns.join(', ')}, recorded_at from hajj_records where season = '1446H' order by person_key`).execute(t.db.kysely)).rows;
    const order = Array.from({ length: sim.season.count }, (_, i) => i).sort((a, b) => (keyOf(sim.season, a) < keyOf(sim.season, b) ? -1 : 1));
    expect(rows.map((r) => recordColumns.map((c) => r[c]))).toEqual(order.map((i) => valuesOf(sim.season, i)));
    expect(new Set(rows.map((r) => (r.recorded_at as Date).toISOString())).size).toBe(1);
  });
});

describe('building a season in steps (the demo, while the server answers)', () => {
  it('reads as building until its records are attached at once, and starts again after a build cut short', async () => {
    const small = marginals.replaceAll('1446H', '1445H').replace('"gregorianYear":2025', '"gregorianYear":2024');
    const sim = t.services.statistics.generate('1445H', small, 9);
    const seen: string[] = [];
    let failed = false;
    // A first build stops half-way (the process ends): nothing of it is visible.
    await t.services.statistics.loadInSteps(systemContext('test'), sim, { seed: 9, chunk: 500, progress: (done) => {
      if (done >= 1000 && !failed) {
        failed = true;
        throw new Error('stopped');
      }
    } }).catch(() => {});
    expect(await t.services.statistics.status('1445H')).toBe('building');
    await expect(t.services.statistics.figures('1445H')).rejects.toMatchObject({ code: 'statistics.season_building' });
    await t.services.statistics.loadInSteps(systemContext('test'), sim, { seed: 9, chunk: 500, progress: (done, total) => seen.push(`${done}/${total}`) });
    expect(seen).toContain('2000/2000');
    expect(await t.services.statistics.status('1445H')).toBe('complete');
    expect((await t.services.statistics.figures('1445H')).total).toBe(2000);
  });
});

describe('Umrah', () => {
  it('reads the permits\' check-ins: a year without any gives zero against the target, each table empty', async () => {
    const res = (await get('/statistics/umrah/2025')).json();
    expect(res).toMatchObject({ year: 2025, available: true, target: 15_000_000, targets: [{ year: 2025, foreignUmrahPilgrims: 15_000_000 }, { year: 2030, foreignUmrahPilgrims: 30_000_000 }], foreignUmrahPilgrims: 0, shareOfTarget: 0 });
    expect(res.tables.map((x: { id: string; total: number; cells: unknown[] }) => [x.id, x.total, x.cells.length])).toEqual([
      ['umrah_by_month_gender', 0, 0], ['umrah_by_month_nationality', 0, 0], ['umrah_by_month_residence', 0, 0],
      ['rawdah_by_month_gender', 0, 0], ['rawdah_by_month_nationality', 0, 0],
    ]);
  });

  it('refuses a year outside the range it keeps', async () => {
    const res = await get('/statistics/umrah/1990', { 'accept-language': 'ar' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().title).toMatch(/[\u0600-\u06FF]/);
  });
});
