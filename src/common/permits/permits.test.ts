import { generateKeyPairSync, randomBytes, randomUUID, sign, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64url, shortCode, toBase64url, uuidToBytes, bytesToUuid, normaliseShortCode } from './bytes.ts';
import { documentHash, matchesDocument } from './document-hash.ts';
import { checkPermit, reconcile, scan, ScanQueue, gateNow, syncClock, type GateMemory, type GatePlace } from './gate.ts';
import { gateText } from './messages.ts';
import { nobleSignatureCheck } from './noble-verifier.ts';
import { RevocationList, decodeList, encodeListBody, sortEntries } from './revocations.ts';
import { decodeToken, encodeDocument, encodePermit, tokenText, type PermitClaim } from './token.ts';
import { availabilityOf, quieterWindows } from './availability.ts';

const pair = () => generateKeyPairSync('ed25519');
const k1 = pair();
const k2 = pair();
const rawPublic = (k: ReturnType<typeof pair>) => toBase64url(new Uint8Array(k.publicKey.export({ format: 'der', type: 'spki' }).subarray(12)));
const signWith = (k: ReturnType<typeof pair>, payload: Uint8Array) => tokenText(payload, new Uint8Array(sign(null, payload, k.privateKey)));
const nodeCheck = (keyId: number, signed: Uint8Array, sig: Uint8Array) => {
  const key = keyId === 1 ? k1.publicKey : keyId === 2 ? k2.publicKey : null;
  return key !== null && nodeVerify(null, signed, key, sig);
};

const T0 = Date.UTC(2027, 1, 10, 9, 0) / 1000; // a window 09:00–09:20 UTC
const salt = new Uint8Array(randomBytes(8));
const claim = (over: Partial<PermitClaim> = {}): PermitClaim => ({
  keyId: 1, permitId: randomUUID(), site: 2, section: 'women', memberIndex: 1, windowStart: T0, windowEnd: T0 + 1200,
  earlyGraceMinutes: 10, lateGraceMinutes: 5, docSalt: salt, docHash: documentHash(salt, 'P1234567'), gates: [7, 9], ...over,
});
const place: GatePlace = { site: 2, gate: 7, sections: ['women'] };
const memory = (over: Partial<GateMemory> = {}): GateMemory => ({
  keys: new Map([[1, { keyId: 1, notAfter: null }], [2, { keyId: 2, notAfter: T0 - 1 }]]),
  verify: nodeCheck, revocations: new RevocationList(), used: new Map(), syncedAt: T0 * 1000 - 3_600_000, maxOfflineMs: 6 * 3_600_000, ...over,
});
const during = T0 * 1000 + 60_000;

describe('the permit token', () => {
  it('carries every field through its bytes, and is about 125 bytes for one gate', () => {
    const c = claim({ gates: [7] });
    const text = signWith(k1, encodePermit(c));
    const d = decodeToken(text);
    expect(d?.type).toBe('permit');
    expect(d?.claim).toEqual(c);
    expect(fromBase64url(text)!.length).toBe(124);
  });

  it('carries a booking confirmation and a pilgrim card', () => {
    const b = { keyId: 3, kind: 'booking' as const, bookingId: randomUUID(), seasonYear: 1448, issuedAt: 1_800_000_000 };
    expect(decodeToken(signWith(k1, encodeDocument(b)))?.claim).toEqual(b);
    const p = { ...b, kind: 'pilgrim' as const, accountId: randomUUID() };
    expect(decodeToken(signWith(k1, encodeDocument(p)))?.claim).toEqual(p);
  });

  it.each([
    ['garbage', 'hello world'],
    ['empty', ''],
    ['a cut token', signWith(k1, encodePermit(claim())).slice(0, 60)],
    ['a token with a byte added', toBase64url(new Uint8Array([...fromBase64url(signWith(k1, encodePermit(claim())))!, 0]))],
  ])('refuses to read %s', (_n, text) => expect(decodeToken(text)).toBeNull());

  it('writes base64url with one text per byte string', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = new Uint8Array(randomBytes(n));
      expect(fromBase64url(toBase64url(bytes))).toEqual(bytes);
      expect(toBase64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    }
    expect(fromBase64url('AB')).toBeNull(); // non-zero leftover bits
  });

  it('gives a short code of 10 characters for typing', () => {
    const id = randomUUID();
    expect(shortCode(uuidToBytes(id))).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(bytesToUuid(uuidToBytes(id))).toBe(id);
    expect(normaliseShortCode('ab-cd ol')).toBe('ABCD01');
  });

  it('lets a gate match the document number offline, never carrying it', () => {
    const c = claim();
    expect(matchesDocument(c, 'p123 4567')).toBe(true);
    expect(matchesDocument(c, 'P1234568')).toBe(false);
  });
});

describe('the gate check', () => {
  const ok = signWith(k1, encodePermit(claim()));
  const flip = (text: string, at: number) => {
    const b = fromBase64url(text)!;
    b[at]! ^= 1;
    return toBase64url(b);
  };
  it.each([
    ['admits a valid permit in its window', ok, {}, 'admit'],
    ['admits within the early grace', ok, { now: T0 * 1000 - 9 * 60_000 }, 'admit'],
    ['refuses before the early grace', ok, { now: T0 * 1000 - 11 * 60_000 }, 'too_early'],
    ['admits within the late grace', ok, { now: (T0 + 1200) * 1000 + 4 * 60_000 }, 'admit'],
    ['refuses after the late grace', ok, { now: (T0 + 1200) * 1000 + 6 * 60_000 }, 'too_late'],
    ['refuses a forged token (another key, same id)', signWith(k2, encodePermit(claim())), {}, 'bad_signature'],
    ['refuses a token altered by one byte in the window', flip(ok, 27), {}, 'bad_signature'],
    ['refuses a token altered by one byte in the signature', flip(ok, 100), {}, 'bad_signature'],
    ['refuses a token signed by an unknown key', signWith(k1, encodePermit(claim({ keyId: 9 }))), {}, 'unknown_key'],
    ['refuses a token signed by a retired key past its last window', signWith(k2, encodePermit(claim({ keyId: 2 }))), {}, 'key_retired'],
    ['refuses another gate', ok, { place: { ...place, gate: 8 } }, 'wrong_gate'],
    ['refuses another site', ok, { place: { ...place, site: 1 } }, 'wrong_site'],
    ['refuses the other section', ok, { place: { ...place, sections: ['men'] as const } }, 'wrong_section'],
    ['refuses a booking confirmation', signWith(k1, encodeDocument({ keyId: 1, kind: 'booking', bookingId: randomUUID(), seasonYear: 1448, issuedAt: 1 })), {}, 'not_a_permit'],
    ['refuses offline past the configured age of the last sync', ok, { memory: { syncedAt: T0 * 1000 - 7 * 3_600_000 } }, 'list_too_old'],
    ['refuses offline before any sync', ok, { memory: { syncedAt: 0 } }, 'list_too_old'],
  ] as const)('%s', (_name, text, opts: { now?: number; place?: GatePlace; memory?: Partial<GateMemory> }, expected) => {
    const verdict = checkPermit(memory(opts.memory), opts.place ?? place, text, opts.now ?? during);
    expect(verdict.code).toBe(expected);
    expect(gateText(verdict, 'ar').length).toBeGreaterThan(3);
    expect(gateText(verdict, 'en').length).toBeGreaterThan(3);
  });

  it('refuses a revoked permit, and a second scan on the same device as already used', () => {
    const c = claim();
    const text = signWith(k1, encodePermit(c));
    const m = memory();
    const first = scan(m, place, text, { nowMs: during, deviceMs: 0, nonce: 'n1' });
    expect(first.verdict.code).toBe('admit');
    expect(scan(m, place, text, { nowMs: during + 1000, deviceMs: 0, nonce: 'n2' }).verdict.code).toBe('already_used');
    const revoked = memory({ revocations: new RevocationList(sortEntries([uuidToBytes(c.permitId)]), 5) });
    expect(checkPermit(revoked, place, text, during).code).toBe('revoked');
  });

  it('checks with @noble/curves in the browser exactly as node:crypto does', () => {
    const check = nobleSignatureCheck([{ keyId: 1, publicKey: rawPublic(k1) }, { keyId: 2, publicKey: rawPublic(k2) }]);
    const good = signWith(k1, encodePermit(claim()));
    expect(checkPermit(memory({ verify: check }), place, good, during).code).toBe('admit');
    expect(checkPermit(memory({ verify: check }), place, flip(good, 30), during).code).toBe('bad_signature');
    expect(checkPermit(memory({ verify: check }), place, signWith(k2, encodePermit(claim())), during).code).toBe('bad_signature');
  });

  it('uses the platform\'s time from the last sync, whatever the device clock says', () => {
    const clock = syncClock(1_000_000, 50, 1_000_000 + 3 * 3_600_000); // the device is three hours fast
    expect(clock.skewMs).toBe(3 * 3_600_000);
    expect(gateNow(clock, 1050)).toBe(1_001_000);
  });

  it('queues scans for upload and forgets them once acknowledged', () => {
    const q = new ScanQueue();
    for (const nonce of ['a', 'b', 'c']) q.push({ nonce, token: 't', permitId: null, verdict: 'admit', scannedAt: 1, deviceAt: 1 });
    expect(q.batch(2).map((r) => r.nonce)).toEqual(['a', 'b']);
    q.acknowledge(['a', 'b']);
    expect(q.items.map((r) => r.nonce)).toEqual(['c']);
  });
});

describe('reconciling two devices that admitted one permit offline', () => {
  const a = (deviceId: string, nonce: string, at: number) => ({ permitId: 'p', deviceId, nonce, at });
  it.each([
    ['the earlier admission stands, the later is a double', new Map(), [a('d2', 'y', 20), a('d1', 'x', 10)], ['d1'], [['d1', 'd2']]],
    ['what the platform recorded first stands', new Map([['p', a('t', 'z', 30)]]), [a('d1', 'x', 10)], [], [['t', 'd1']]],
    ['the same scan uploaded twice counts once', new Map(), [a('d1', 'x', 10), a('d1', 'x', 10)], ['d1'], []],
  ] as const)('%s', (_n, recorded, uploaded, stands, doubles) => {
    const r = reconcile(recorded, uploaded);
    expect(r.stands.map((s) => s.deviceId)).toEqual(stands);
    expect(r.doubles.map((d) => [d.stood.deviceId, d.also.deviceId])).toEqual(doubles);
  });
});

describe('the revocation list', () => {
  const ids = (n: number) => Array.from({ length: n }, () => new Uint8Array(randomBytes(16)));
  const signList = (body: Uint8Array) => new Uint8Array([...body, ...sign(null, body, k1.privateKey)]);
  it('round-trips signed, and refuses a list altered by one byte or out of order', () => {
    const entries = sortEntries(ids(50));
    const bytes = signList(encodeListBody({ kind: 'snapshot', keyId: 1, from: 0, to: 77, issuedAt: 1000, entries }));
    const list = decodeList(bytes, nodeCheck)!;
    expect(list).toMatchObject({ kind: 'snapshot', to: 77, issuedAt: 1000 });
    expect(list.entries).toEqual(entries);
    const altered = bytes.slice();
    altered[40]! ^= 1;
    expect(decodeList(altered, nodeCheck)).toBeNull();
    const unsorted = new Uint8Array(entries);
    unsorted.set(entries.subarray(0, 16), 16);
    expect(decodeList(signList(encodeListBody({ kind: 'snapshot', keyId: 1, from: 0, to: 1, issuedAt: 0, entries: unsorted })), nodeCheck)).toBeNull();
  });

  it('applies a delta that starts where it ends, and finds every entry', () => {
    const first = ids(1000);
    const list = new RevocationList(sortEntries(first), 10);
    const more = ids(300);
    expect(list.apply({ kind: 'delta', keyId: 1, from: 10, to: 25, issuedAt: 5, entries: sortEntries([...more, first[0]!]) })).toBe(true);
    expect(list.size).toBe(1300);
    expect(list.seq).toBe(25);
    for (const id of [...first, ...more]) expect(list.has(id)).toBe(true);
    for (const id of ids(100)) expect(list.has(id)).toBe(false);
    for (let i = 1; i < list.size; i++) expect(Buffer.compare(list.entries.subarray((i - 1) * 16, i * 16), list.entries.subarray(i * 16, i * 16 + 16))).toBeLessThan(0);
    expect(list.apply({ kind: 'delta', keyId: 1, from: 30, to: 40, issuedAt: 6, entries: new Uint8Array(0) })).toBe(false); // a gap: fetch a snapshot
  });
});

describe('availability', () => {
  const w = { capacity: 100, booked: 0, releaseAt: 1000, startsAt: 10_000, closed: false };
  it.each([
    ['not released before its release time', w, 500, 'not_released'],
    ['open once released', w, 2000, 'open'],
    ['few left at a tenth', { ...w, booked: 91 }, 2000, 'few_left'],
    ['full', { ...w, booked: 100 }, 2000, 'full'],
    ['closed whatever its counts', { ...w, closed: true }, 2000, 'closed'],
    ['past once it has begun', w, 10_000, 'past'],
  ] as const)('%s', (_n, window, now, state) => expect(availabilityOf(window, now).state).toBe(state));

  it('shows the nearest quieter windows first', () => {
    const c = (id: string, startsAt: number, booked: number) => ({ id, startsAt, capacity: 100, booked });
    expect(quieterWindows({ startsAt: 100 }, [c('far', 400, 0), c('busy', 110, 90), c('near', 80, 10), c('next', 130, 50)], 1).map((x) => x.id)).toEqual(['near', 'next', 'far']);
  });
});
