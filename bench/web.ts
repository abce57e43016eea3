import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, CDPSession } from 'playwright-core';
import { build } from 'vite';
import { launchBrowser } from '../e2e/browser.ts';
import { loadConfig } from '../src/core/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrator.ts';
import { scryptHasher } from '../src/modules/accounts/index.ts';
import { samplePackage } from '../src/modules/catalogue/index.ts';
import { createServices } from '../src/services.ts';
import { progress, seedPublishedPackages } from './seed.ts';
import { emit, startServer, stopServer } from './support.ts';

/**
 * web: the first load of the public catalogue on a 360-px phone (isMobile, touch, device scale 2) in a
 * fresh Chromium context (no cache, no service worker yet), over Chromium's network emulation at
 * 1.6 Mbit/s both ways and 150 ms latency (CDP `Network.emulateNetworkConditions`, cache disabled).
 *
 * - **Time to usable** (`web_time_to_usable_ms`): from the start of the navigation until the first
 *   screen can be used: the first package of the list is on screen with its enabled "compare" box,
 *   and the main thread has since gone 1 s without a long task (> 50 ms); the value is the later of
 *   the list's moment and the end of the last long task before that quiet second. Goal: 3 s.
 * - **First-screen bytes**: the JavaScript and CSS the page loaded until then, each file's gzip size
 *   (level 6), whatever the server sent (`web_first_screen_js_gzip_kb`, goal 200 kB;
 *   `web_first_screen_css_gzip_kb`), and every byte of the first screen as it crossed the network
 *   (`web_first_screen_transfer_kb`: HTML, scripts, styles, texts and API answers, headers included).
 * - **Floor** (`web_empty_page_ms`): the same emulation loading an empty HTML page from a bare Node
 *   server, navigation start to load: what one request costs on this network.
 *
 * Each figure is the median of BENCH_RUNS runs (default 5). The catalogue holds 40 published
 * packages of 4 licensed providers (the page shows 12), on PGlite, the server in its own process.
 * BENCH_CPU_SLOWDOWN (default 1) also slows the page's CPU by that factor, as a phone would.
 */
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 5));
const CPU_SLOWDOWN = Number(process.env.BENCH_CPU_SLOWDOWN ?? 1);
const NETWORK = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 200_000 };
const QUIET_MS = 1000;
const GOAL_MS = 3000;
const GOAL_JS_KB = 200;

const root = path.resolve(import.meta.dirname, '..');
const webDir = path.join(root, 'web');
const dist = path.join(webDir, 'dist');

/** Builds the web app when web/dist is missing or older than any of its sources (as `npm start` builds it). */
async function buildWebIfStale() {
  const newest = (p: string): number => {
    const stat = fs.statSync(p);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(0, ...fs.readdirSync(p).filter((f) => f !== 'dist').map((f) => newest(path.join(p, f))));
  };
  const built = fs.statSync(path.join(dist, 'index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built > newest(webDir) && built > newest(path.join(root, 'src/common'))) return;
  process.stderr.write('building the web app…\n');
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(webDir, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = previous;
  }
}

/** 40 published packages of 4 licensed providers, into a fresh PGlite folder the server then opens. */
async function seedCatalogue(): Promise<Record<string, string>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'manasik-bench-web-'));
  const env = { MANASIK_DATA_DIR: dataDir };
  const db = await openDatabase({ dataDir: path.join(dataDir, 'pgdata') });
  try {
    await migrate(db);
    const services = createServices({ config: loadConfig({ ...process.env, ...env }), db, hasher: scryptHasher({ N: 1024, r: 8, p: 1 }) });
    const camps = ['A', 'B', 'C', 'D'] as const;
    await seedPublishedPackages(services, {
      providers: 4,
      total: 40,
      tag: 'web',
      packageFor: (p, k) => samplePackage({
        title: { ar: `باقة ${p + 1}-${k + 1} — مِنى ${camps[k % 4]}`, en: `Package ${p + 1}-${k + 1} — Mina ${camps[k % 4]}` },
        minaCamp: camps[k % 4]!,
        makkah: { hotel: `Hotel ${p}-${k}`, distanceM: 200 + ((p * 37 + k * 211) % 7000), roomOccupancy: 2 + (k % 3) },
        eligibleCountries: ['FR', 'GB', 'US', 'DE', 'ID', 'MY', 'TR', 'PK'],
      }),
    });
  } finally {
    await db.close();
  }
  return env;
}

/**
 * Records, in the page, when the list's first package is usable and every long task (times from the
 * navigation's start). A string: tsx's function names would not exist in the page.
 */
const probe = `
  window.__bench = { longTasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (window.__bench.listAt === undefined && document.querySelector('li.package-card input[type=checkbox]:not([disabled])')) window.__bench.listAt = performance.now();
  }).observe(document, { childList: true, subtree: true, attributes: true });
`;

interface Loaded { url: string; type: string; encoded: number; finishedAt: number }

/** The network as a phone on a bad connection sees it, with the HTTP cache off. */
async function emulate(cdp: CDPSession) {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  if (CPU_SLOWDOWN > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'ar-SA' };

/** One first load of the catalogue: the time to usable and every response the page received until then. */
async function firstLoad(browser: Browser, url: string): Promise<{ usableMs: number; loaded: Loaded[] }> {
  const context = await browser.newContext(phone);
  try {
    await context.addInitScript({ content: probe });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await emulate(cdp);
    const types = new Map<string, { url: string; type: string }>();
    const loaded: Loaded[] = [];
    let started: number | undefined; // the navigation's request, on the protocol's clock (seconds)
    cdp.on('Network.requestWillBeSent', (e) => { if (e.type === 'Document') started ??= e.timestamp; });
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, { url: e.response.url, type: e.type }));
    cdp.on('Network.loadingFinished', (e) => {
      const r = types.get(e.requestId);
      if (r) loaded.push({ ...r, encoded: e.encodedDataLength, finishedAt: (e.timestamp - (started ?? e.timestamp)) * 1000 });
    });
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __bench: { listAt?: number } }).__bench.listAt !== undefined, undefined, { timeout: 60_000, polling: 50 });
    // Usable once the main thread has had a quiet second after the list showed.
    for (;;) {
      const s = await page.evaluate(() => {
        const b = (window as unknown as { __bench: { listAt: number; longTasks: { end: number }[] } }).__bench;
        return { listAt: b.listAt, lastEnd: Math.max(0, ...b.longTasks.map((t) => t.end)), now: performance.now() };
      });
      const usable = Math.max(s.listAt, s.lastEnd);
      // The first screen's files: what had arrived when it became usable.
      if (s.now - usable >= QUIET_MS) return { usableMs: usable, loaded: loaded.filter((l) => l.finishedAt <= usable) };
      await page.waitForTimeout(100);
    }
  } finally {
    await context.close();
  }
}

/** An empty page from a bare Node server, under the same emulation: navigation start to load. */
async function emptyPage(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext(phone);
  try {
    const page = await context.newPage();
    await emulate(await context.newCDPSession(page));
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const kb = (bytes: number) => Number((bytes / 1000).toFixed(1));

/** The gzip size of each script and style the first screen loaded, read from the server once. */
async function gzipSizes(base: string, loaded: Loaded[]) {
  const sizes = { Script: 0, Stylesheet: 0 };
  const files: { file: string; gzip: number }[] = [];
  for (const l of loaded) {
    if (l.type !== 'Script' && l.type !== 'Stylesheet') continue;
    const body = Buffer.from(await (await fetch(new URL(new URL(l.url).pathname, base))).arrayBuffer());
    const gzip = zlib.gzipSync(body, { level: 6 }).length;
    sizes[l.type] += gzip;
    files.push({ file: new URL(l.url).pathname, gzip });
  }
  return { js: sizes.Script, css: sizes.Stylesheet, files: files.sort((a, b) => b.gzip - a.gzip) };
}

export async function run() {
  await buildWebIfStale();
  const env = await seedCatalogue();
  const { url, child } = await startServer(env);
  const floorServer = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>floor</title>'));
  await new Promise<void>((resolve) => floorServer.listen(0, '127.0.0.1', resolve));
  const floorUrl = `http://127.0.0.1:${(floorServer.address() as AddressInfo).port}/`;
  const browser = await launchBrowser();
  try {
    await firstLoad(browser, `${url}/catalogue`); // warm-up: the server's first answers (JIT, the database's caches)
    const bar = progress('first loads', RUNS);
    const runs: { usableMs: number; loaded: Loaded[]; floorMs: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const first = await firstLoad(browser, `${url}/catalogue`);
      runs.push({ ...first, floorMs: await emptyPage(browser, floorUrl) }); // alternating, so both see the same machine
      bar.increment();
    }
    bar.stop();
    const usable = median(runs.map((r) => r.usableMs));
    const floor = median(runs.map((r) => r.floorMs));
    const typical = runs.find((r) => r.usableMs === usable) ?? runs[0]!;
    const bytes = await gzipSizes(url, typical.loaded);
    const transfer = median(runs.map((r) => r.loaded.reduce((sum, l) => sum + l.encoded, 0)));
    const context = {
      runs: RUNS,
      network: '1.6 Mbit/s down and up, 150 ms latency',
      device: '360x740, scale 2, touch',
      cpuSlowdown: CPU_SLOWDOWN,
      browser: browser.version(),
    };
    emit({ bench: 'web', metric: 'web_time_to_usable_ms', value: Math.round(usable), unit: 'ms', ceiling: GOAL_MS, ratio: Number((GOAL_MS / usable).toFixed(3)), samples: runs.map((r) => Math.round(r.usableMs)), ...context });
    emit({ bench: 'web', metric: 'web_empty_page_ms', value: Math.round(floor), unit: 'ms', samples: runs.map((r) => Math.round(r.floorMs)), ...context });
    emit({ bench: 'web', metric: 'web_first_screen_js_gzip_kb', value: kb(bytes.js), unit: 'kB', ceiling: GOAL_JS_KB, ratio: Number((GOAL_JS_KB / kb(bytes.js)).toFixed(3)), files: bytes.files.filter((f) => f.file.endsWith('.js')).length, ...context });
    emit({ bench: 'web', metric: 'web_first_screen_css_gzip_kb', value: kb(bytes.css), unit: 'kB', files: bytes.files.filter((f) => f.file.endsWith('.css')).length, ...context });
    emit({ bench: 'web', metric: 'web_first_screen_transfer_kb', value: kb(transfer), unit: 'kB', requests: typical.loaded.length, ...context });
    if (process.env.BENCH_VERBOSE) {
      // BENCH_VERBOSE=1: the median run's files (gzip sizes) and its waterfall (when each answer had arrived, bytes on the wire).
      for (const f of bytes.files) process.stderr.write(`${(f.gzip / 1000).toFixed(1).padStart(7)} kB  ${f.file}\n`);
      for (const l of [...typical.loaded].sort((a, b) => a.finishedAt - b.finishedAt)) {
        process.stderr.write(`${Math.round(l.finishedAt).toString().padStart(6)} ms ${(l.encoded / 1000).toFixed(1).padStart(7)} kB  ${l.type.padEnd(10)} ${new URL(l.url).pathname}${new URL(l.url).search}\n`);
      }
      process.stderr.write(`${Math.round(typical.usableMs).toString().padStart(6)} ms usable\n`);
    }
  } finally {
    await browser.close();
    floorServer.close();
    await stopServer(child);
    fs.rmSync(env.MANASIK_DATA_DIR!, { recursive: true, force: true });
  }
}
