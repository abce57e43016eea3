import {
  decodeList, gateNow, nobleSignatureCheck, normaliseShortCode, RevocationList, scan, ScanQueue, syncClock,
  type GateClock, type GateMemory, type GatePlace, type GateVerdict, type ScanRecord,
} from '../../../../src/common/permits/index.ts';
import type { GateConfig, GateState, UploadAnswer } from './gate-store.ts';

/** What the device asks the platform (the generated client in the app, fakes in tests). */
export interface GateApi {
  config(gateId: string): Promise<GateConfig>;
  /** The signed list: a snapshot, or with `since` a delta. */
  revocations(since?: number): Promise<Uint8Array>;
  expected(gateId: string, day: string): Promise<{ permits: { code: string; token: string }[] }>;
  upload(gateId: string, deviceId: string, scans: ScanRecord[]): Promise<UploadAnswer>;
}

export type Checked = { verdict: GateVerdict; record: ScanRecord } | { verdict: null; unknownCode: string };

const saudiDay = (ms: number) => new Date(ms + 3 * 3_600_000).toISOString().slice(0, 10);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A random nonce (base64url, 16 bytes) that makes a re-uploaded scan count once. */
export function nonce(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The gate officer's device: what it holds (keys, revocation list, expected
 * permits, used set, scan queue) and the three things it does — sync, scan
 * (the shared offline check), upload. Time is the platform's: its time at
 * the last sync plus a monotonic clock since (`syncClock`, `gateNow`); after
 * a reload, when the monotonic clock restarts, the device's clock corrected
 * by the skew measured at that sync.
 */
export class GateDevice {
  state: GateState;
  private clock: GateClock | null = null;
  private memory: GateMemory | null = null;
  private place: GatePlace | null = null;
  private byCode = new Map<string, string>();
  readonly queue = new ScanQueue();

  constructor(state: GateState, private readonly mono: () => number = () => performance.now(), private readonly deviceNow: () => number = () => Date.now()) {
    this.state = state;
    for (const r of state.queue) this.queue.push(r);
    if (state.sync) this.clock = { serverMs: this.deviceNow() - state.sync.skewMs, monoMs: this.mono(), skewMs: state.sync.skewMs };
    this.build();
  }

  /** The platform's time as this device knows it (ms); null before the first sync. */
  now(): number | null {
    return this.clock ? gateNow(this.clock, this.mono()) : null;
  }

  get skewMs(): number | null {
    return this.clock?.skewMs ?? null;
  }

  /** How old the last complete sync is (ms), and whether it is still young enough to admit offline. */
  freshness(): { ageMs: number; leftMs: number; fresh: boolean } | null {
    const now = this.now();
    if (now === null || !this.state.sync || !this.state.config) return null;
    const ageMs = now - this.state.sync.serverMs;
    const leftMs = this.state.config.maxOfflineMinutes * 60_000 - ageMs;
    return { ageMs, leftMs, fresh: leftMs >= 0 };
  }

  private build() {
    const { config, sync, revocations, expected } = this.state;
    if (!config) return;
    this.memory = {
      keys: new Map(config.keys.map((k) => [k.keyId, { keyId: k.keyId, notAfter: k.notAfter ? Math.floor(Date.parse(k.notAfter) / 1000) : null }])),
      verify: nobleSignatureCheck(config.keys),
      revocations: revocations ? new RevocationList(revocations.entries, revocations.seq, revocations.issuedAt) : new RevocationList(),
      used: new Map(this.state.used),
      syncedAt: sync?.serverMs ?? 0,
      maxOfflineMs: config.maxOfflineMinutes * 60_000,
    };
    this.place = { site: config.site.number, gate: config.gate.number, sections: config.gate.sections };
    this.byCode = new Map((expected?.permits ?? []).map((p) => [p.code, p.token]));
  }

  /**
   * Brings everything up to date: the configuration and the platform's time;
   * the revocation list by a delta from the number held (a snapshot when
   * there is none, or the delta does not start there); the expected permits
   * of today and tomorrow (Saudi days). Answers the parts to save.
   */
  async sync(api: GateApi, gateId: string): Promise<Partial<GateState>> {
    const before = this.mono();
    const config = await api.config(gateId);
    const after = this.mono();
    const serverMs = Date.parse(config.serverTime);
    // The server read its clock somewhere within the round trip: take the middle.
    const clock = syncClock(serverMs, (before + after) / 2, this.deviceNow() - (after - before) / 2);
    const verify = nobleSignatureCheck(config.keys);
    let list = this.state.revocations ? new RevocationList(this.state.revocations.entries, this.state.revocations.seq, this.state.revocations.issuedAt) : null;
    if (!list || list.seq !== config.revocations.seq) {
      const delta = list ? decodeList(await api.revocations(list.seq), verify) : null;
      if (!list || !delta || !list.apply(delta)) {
        const snapshot = decodeList(await api.revocations(), verify);
        if (!snapshot || snapshot.kind !== 'snapshot') throw new Error('revocation list: bad signature or layout');
        list = RevocationList.fromSnapshot(snapshot);
      }
    }
    const today = saudiDay(serverMs);
    const days = [today, nextDay(today)];
    const permits = (await Promise.all(days.map((d) => api.expected(gateId, d)))).flatMap((e) => e.permits);
    const parts: Partial<GateState> = {
      config,
      sync: { serverMs, skewMs: clock.skewMs },
      revocations: { entries: list.entries, seq: list.seq, issuedAt: list.issuedAt },
      expected: { days, permits },
    };
    this.state = { ...this.state, ...parts };
    this.clock = clock;
    this.build();
    return parts;
  }

  /** The token a scanned or typed text stands for: a short code from the expected list, else the text itself. */
  resolve(text: string): string | null {
    const trimmed = text.trim();
    const code = normaliseShortCode(trimmed);
    if (/^[0-9A-Z]{10}$/.test(code)) return this.byCode.get(code) ?? null;
    return trimmed;
  }

  /** Checks a scanned or typed code with the shared gate check; an admitted permit is marked used here, and the scan queued. */
  check(text: string): Checked {
    const now = this.now();
    if (!this.memory || !this.place || now === null) throw new Error('the gate has not synced');
    const token = this.resolve(text);
    if (token === null) return { verdict: null, unknownCode: normaliseShortCode(text) };
    const result = scan(this.memory, this.place, token, { nowMs: now, deviceMs: this.deviceNow(), nonce: nonce() });
    // The platform takes tokens in base64url up to 800 characters: anything else (a stray QR code, a web address) stays out of the queue.
    if (/^[A-Za-z0-9_-]{1,800}$/.test(result.record.token)) this.queue.push(result.record);
    this.state = { ...this.state, used: [...this.memory.used], queue: [...this.queue.items] };
    return result;
  }

  /** Uploads the queue in batches of up to 200; each acknowledged scan leaves the queue. Answers what the platform found. */
  async upload(api: GateApi): Promise<{ sent: number; results: UploadAnswer['results']; doubles: UploadAnswer['doubles'] }> {
    const device = this.state.device;
    if (!device) throw new Error('no gate');
    const results: UploadAnswer['results'] = [];
    const doubles: UploadAnswer['doubles'] = [];
    let sent = 0;
    while (this.queue.items.length > 0) {
      const batch = this.queue.batch(200);
      const answer = await api.upload(device.gateId, device.deviceId, batch);
      this.queue.acknowledge(answer.acknowledged);
      results.push(...answer.results);
      doubles.push(...answer.doubles);
      sent += batch.length;
      if (answer.acknowledged.length === 0) break; // nothing taken: try again later rather than loop
    }
    this.state = { ...this.state, queue: [...this.queue.items] };
    return { sent, results, doubles };
  }
}
