import { toHex } from './bytes.ts';
import { RevocationList } from './revocations.ts';
import { decodeToken, permitIdBytes, type PermitClaim, type SectionCode } from './token.ts';

/**
 * The check a gate runs on a scanned permit, offline: the same code in the
 * gate officer's web app (in the browser, with the keys, revocation list and
 * used set it cached) and behind the turnstile API on the server. Pure but
 * for the used set and the scan queue the device keeps; time and the
 * signature check are given to it.
 *
 * Order of the checks (the first that fails is the answer): the code reads as
 * a token · it is a permit · its key is known · the key still vouches for this
 * window · the signature holds · site · gate · section · window with its grace
 * · the device's revocation list is fresh enough for offline use · not
 * revoked · not already used on this device.
 */
export interface GateKey {
  keyId: number;
  /** Unix seconds after which the key vouches for nothing (a retired key: its last permit's end); null while active. */
  notAfter: number | null;
}

/** Checks an Ed25519 signature with the key `keyId` names: node:crypto, @noble/curves or WebCrypto behind it. */
export type SignatureCheck = (keyId: number, signed: Uint8Array, signature: Uint8Array) => boolean;

export interface GatePlace {
  /** The site's number (in tokens). */
  site: number;
  /** This gate's number at the site. */
  gate: number;
  /** The sections this gate admits. */
  sections: readonly SectionCode[];
}

export interface GateMemory {
  keys: ReadonlyMap<number, GateKey>;
  verify: SignatureCheck;
  revocations: RevocationList;
  /** Permits admitted on this device: hex of the id → when (server time, ms). */
  used: Map<string, number>;
  /** The platform's time (ms) at this device's last complete sync (keys, list, expected permits); 0 before any. */
  syncedAt: number;
  /** Past this age (ms) of the last sync, the device refuses to admit offline. */
  maxOfflineMs: number;
}

export const refusals = [
  'unreadable', 'not_a_permit', 'unknown_key', 'key_retired', 'bad_signature', 'wrong_site', 'wrong_gate', 'wrong_section',
  'too_early', 'too_late', 'list_too_old', 'revoked', 'already_used',
] as const;
export type Refusal = (typeof refusals)[number];

export type GateVerdict =
  | { ok: true; code: 'admit'; claim: PermitClaim; permitHex: string }
  | { ok: false; code: Refusal; claim?: PermitClaim; permitHex?: string; opensAt?: number; closedAt?: number; usedAt?: number };

/** Checks one scanned or typed code at `nowMs` (the platform's time as the device knows it). Changes nothing. */
export function checkPermit(memory: GateMemory, place: GatePlace, text: string, nowMs: number, options: { online?: boolean } = {}): GateVerdict {
  const decoded = decodeToken(text);
  if (!decoded) return { ok: false, code: 'unreadable' };
  if (decoded.type !== 'permit') return { ok: false, code: 'not_a_permit' };
  const { claim, signed, signature } = decoded;
  const key = memory.keys.get(claim.keyId);
  if (!key) return { ok: false, code: 'unknown_key' };
  const now = Math.floor(nowMs / 1000);
  if (key.notAfter !== null && (claim.windowEnd > key.notAfter || now > key.notAfter + claim.lateGraceMinutes * 60)) return { ok: false, code: 'key_retired' };
  if (!memory.verify(claim.keyId, signed, signature)) return { ok: false, code: 'bad_signature' };
  const permitHex = toHex(permitIdBytes(signed));
  const seen = { claim, permitHex };
  if (claim.site !== place.site) return { ok: false, code: 'wrong_site', ...seen };
  if (!claim.gates.includes(place.gate)) return { ok: false, code: 'wrong_gate', ...seen };
  if (!place.sections.includes(claim.section)) return { ok: false, code: 'wrong_section', ...seen };
  const opensAt = (claim.windowStart - claim.earlyGraceMinutes * 60) * 1000;
  const closedAt = (claim.windowEnd + claim.lateGraceMinutes * 60) * 1000;
  if (nowMs < opensAt) return { ok: false, code: 'too_early', opensAt, ...seen };
  if (nowMs > closedAt) return { ok: false, code: 'too_late', closedAt, ...seen };
  if (!options.online && !listFresh(memory, nowMs)) return { ok: false, code: 'list_too_old', ...seen };
  if (memory.revocations.has(signed, 4)) return { ok: false, code: 'revoked', ...seen };
  const usedAt = memory.used.get(permitHex);
  if (usedAt !== undefined) return { ok: false, code: 'already_used', usedAt, ...seen };
  return { ok: true, code: 'admit', claim, permitHex };
}

/** True while the device's last sync is young enough to admit offline. */
export function listFresh(memory: Pick<GateMemory, 'syncedAt' | 'maxOfflineMs'>, nowMs: number): boolean {
  return memory.syncedAt > 0 && nowMs - memory.syncedAt <= memory.maxOfflineMs;
}

/**
 * The device's clock, as the gate uses it: the platform's time at the last
 * sync plus the time elapsed since on a monotonic clock (`performance.now()`),
 * so a wrong or changed device clock moves nothing. `skewMs` is how far the
 * device's own clock was off at the sync (shown to the officer).
 */
export interface GateClock {
  serverMs: number;
  monoMs: number;
  skewMs: number;
}
export const syncClock = (serverMs: number, monoMs: number, deviceMs: number): GateClock => ({ serverMs, monoMs, skewMs: deviceMs - serverMs });
export const gateNow = (c: GateClock, monoMs: number) => c.serverMs + (monoMs - c.monoMs);

/** One scan as the device queues it for upload; `nonce` makes a re-upload count once. */
export interface ScanRecord {
  nonce: string;
  token: string;
  permitId: string | null;
  verdict: GateVerdict['code'];
  /** The platform's time as the device knew it (ms). */
  scannedAt: number;
  /** The device's own clock (ms), for the record. */
  deviceAt: number;
}

/**
 * Scans a code: checks it, marks an admitted permit used on this device, and
 * answers the verdict with the record to queue.
 */
export function scan(memory: GateMemory, place: GatePlace, text: string, at: { nowMs: number; deviceMs: number; nonce: string }): { verdict: GateVerdict; record: ScanRecord } {
  const verdict = checkPermit(memory, place, text, at.nowMs);
  if (verdict.ok) memory.used.set(verdict.permitHex, at.nowMs);
  const permitId = verdict.claim?.permitId ?? null;
  return { verdict, record: { nonce: at.nonce, token: text.trim(), permitId, verdict: verdict.code, scannedAt: at.nowMs, deviceAt: at.deviceMs } };
}

/** Scans waiting for upload, in order; uploaded in batches and removed once the platform has them. */
export class ScanQueue {
  readonly items: ScanRecord[] = [];
  push(r: ScanRecord) {
    this.items.push(r);
  }
  /** The next batch to upload (oldest first). */
  batch(max = 200): ScanRecord[] {
    return this.items.slice(0, max);
  }
  /** Removes what the platform acknowledged (by nonce); a lost answer means the same batch is sent again, and counts once. */
  acknowledge(nonces: Iterable<string>) {
    const done = new Set(nonces);
    for (let i = this.items.length - 1; i >= 0; i--) if (done.has(this.items[i]!.nonce)) this.items.splice(i, 1);
  }
}

/** An admission as the platform learns of it: which device, which scan, when. */
export interface Admission {
  permitId: string;
  deviceId: string;
  nonce: string;
  /** ms */
  at: number;
}

/**
 * Reconciles admissions from devices that were offline. Per permit one
 * admission stands: the one the platform recorded first (an earlier upload or
 * a turnstile), else the earliest of this upload by the platform's time (then
 * device id); every other one is a double admission, reported with the one
 * that stood. The same scan sent twice (same device and nonce) is not a double.
 */
export function reconcile(recorded: ReadonlyMap<string, Admission>, uploaded: readonly Admission[]): { stands: Admission[]; doubles: { permitId: string; stood: Admission; also: Admission }[] } {
  const byPermit = new Map<string, Admission[]>();
  for (const a of uploaded) byPermit.set(a.permitId, [...(byPermit.get(a.permitId) ?? []), a]);
  const stands: Admission[] = [];
  const doubles: { permitId: string; stood: Admission; also: Admission }[] = [];
  const same = (a: Admission, b: Admission) => a.deviceId === b.deviceId && a.nonce === b.nonce;
  for (const [permitId, list] of byPermit) {
    const sorted = [...list].sort((x, y) => x.at - y.at || (x.deviceId < y.deviceId ? -1 : x.deviceId > y.deviceId ? 1 : 0));
    const earlier = recorded.get(permitId);
    const stood = earlier ?? sorted[0]!;
    if (!earlier) stands.push(stood);
    const seen: Admission[] = [stood];
    for (const a of sorted) {
      if (seen.some((s) => same(s, a))) continue;
      seen.push(a);
      doubles.push({ permitId, stood, also: a });
    }
  }
  return { stands, doubles };
}
