import { generateKeyPairSync, randomBytes, randomUUID, sign, verify } from 'node:crypto';
import { checkPermit, decodeList, encodeListBody, encodePermit, RevocationList, tokenText, type GateMemory, type GatePlace } from '../src/common/permits/index.ts';
import { compare16 } from '../src/common/permits/bytes.ts';
import { emit } from './support.ts';

const TOKENS = Number(process.env.BENCH_GATE_TOKENS ?? 20_000);
const REVOKED = Number(process.env.BENCH_REVOKED ?? 1_000_000);
const DELTA = Number(process.env.BENCH_DELTA ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

/** `count` random 16-byte entries, sorted bytewise, in one array (no object per entry). */
function sortedRandom(count: number): Uint8Array {
  const raw = new Uint8Array(randomBytes(count * 16));
  const order = new Uint32Array(count).map((_, i) => i);
  order.sort((a, b) => compare16(raw, a * 16, raw, b * 16));
  const out = new Uint8Array(count * 16);
  order.forEach((from, to) => out.set(raw.subarray(from * 16, from * 16 + 16), to * 16));
  return out;
}

/** Runs `step` for `seconds`, at least once; answers operations per second. */
function rate(seconds: number, step: (i: number) => void): number {
  const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  let n = 0;
  const start = process.hrtime.bigint();
  while (n % 256 !== 0 || process.hrtime.bigint() < end) step(n++);
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

/**
 * gate: the offline gate check in one process, as the turnstile API and the
 * gate app run it (src/common/permits/gate.ts): decode, key, signature
 * (node:crypto), site, gate, section, window with grace, freshness, lookup in
 * a revocation list of 1,000,000 entries, the used set — against a bare
 * crypto.verify loop over the same tokens (the ceiling). Then the list's size
 * in memory and as its download, and the time to apply a delta of 10,000.
 */
export async function run() {
  const keys = generateKeyPairSync('ed25519');
  const now = Date.now();
  const start = Math.floor(now / 1000) - 300;
  const place: GatePlace = { site: 1, gate: 7, sections: ['men', 'women'] };
  const tokens = Array.from({ length: TOKENS }, (_, i) => {
    const payload = encodePermit({
      keyId: 1, permitId: randomUUID(), site: 1, section: i % 2 ? 'men' : 'women', memberIndex: 0, windowStart: start, windowEnd: start + 1200, earlyGraceMinutes: 10, lateGraceMinutes: 10,
      docSalt: new Uint8Array(randomBytes(8)), docHash: new Uint8Array(randomBytes(16)), gates: [3, 7, 12],
    });
    return tokenText(payload, new Uint8Array(sign(null, payload, keys.privateKey)));
  });

  // The list: 1,000,000 revocations as the platform builds and signs it, and as a gate reads it.
  const built = process.hrtime.bigint();
  const entries = sortedRandom(REVOKED);
  const body = encodeListBody({ kind: 'snapshot', keyId: 1, from: 0, to: REVOKED, issuedAt: Math.floor(now / 1000), entries });
  const download = new Uint8Array(body.length + 64);
  download.set(body);
  download.set(sign(null, body, keys.privateKey), body.length);
  const buildMs = Number(process.hrtime.bigint() - built) / 1e6;
  const check = (_keyId: number, signed: Uint8Array, signature: Uint8Array) => verify(null, signed, keys.publicKey, signature);
  const readStart = process.hrtime.bigint();
  const list = RevocationList.fromSnapshot(decodeList(download, check)!);
  const readMs = Number(process.hrtime.bigint() - readStart) / 1e6;

  const memory: GateMemory = { keys: new Map([[1, { keyId: 1, notAfter: null }]]), verify: check, revocations: list, used: new Map(), syncedAt: now - 60_000, maxOfflineMs: 6 * 3_600_000 };
  // Warm both loops, then measure: ours (a fresh used set each pass over the tokens) and the bare verify.
  const decoded = tokens.map((t) => Buffer.from(t, 'base64url')).map((b) => ({ signed: b.subarray(0, b.length - 64), sig: b.subarray(b.length - 64) }));
  rate(0.5, (i) => checkPermit(memory, place, tokens[i % TOKENS]!, now));
  rate(0.5, (i) => verify(null, decoded[i % TOKENS]!.signed, keys.publicKey, decoded[i % TOKENS]!.sig));
  // Alternating rounds, so a load that comes and goes on the machine falls on both alike.
  let admitted = 0;
  let pass = 0;
  const oursStep = (i: number) => {
    if (i % TOKENS === 0) memory.used = new Map();
    const v = checkPermit(memory, place, tokens[(pass + i) % TOKENS]!, now);
    if (v.ok) {
      memory.used.set(v.permitHex, now);
      admitted++;
    }
  };
  const bareStep = (i: number) => {
    const d = decoded[(pass + i) % TOKENS]!;
    if (!verify(null, d.signed, keys.publicKey, d.sig)) throw new Error('bad signature');
  };
  const rounds = 10;
  let oursSum = 0;
  let bareSum = 0;
  for (; pass < rounds; pass++) {
    oursSum += rate(SECONDS / rounds, oursStep);
    bareSum += rate(SECONDS / rounds, bareStep);
  }
  const ours = oursSum / rounds;
  const bare = bareSum / rounds;
  if (admitted === 0) throw new Error('nothing admitted: the benchmark is wrong');

  // A delta of 10,000 revocations: read (signature checked) and merged into the million.
  const deltaEntries = sortedRandom(DELTA);
  const deltaBody = encodeListBody({ kind: 'delta', keyId: 1, from: REVOKED, to: REVOKED + DELTA, issuedAt: Math.floor(now / 1000), entries: deltaEntries });
  const deltaBytes = new Uint8Array(deltaBody.length + 64);
  deltaBytes.set(deltaBody);
  deltaBytes.set(sign(null, deltaBody, keys.privateKey), deltaBody.length);
  const applyStart = process.hrtime.bigint();
  const applyCpu = process.cpuUsage();
  if (!list.apply(decodeList(deltaBytes, check)!)) throw new Error('delta refused');
  const applyMs = Number(process.hrtime.bigint() - applyStart) / 1e6;
  const cpu = process.cpuUsage(applyCpu);
  const applyCpuMs = (cpu.user + cpu.system) / 1000;
  if (list.size !== REVOKED + DELTA || !list.has(deltaEntries, 0)) throw new Error('delta not applied');

  const context = { tokens: TOKENS, revoked: REVOKED, seconds: SECONDS, node: process.version };
  emit({ bench: 'gate', metric: 'gate.verify.rps', value: Math.round(ours), unit: 'checks/s', ceiling: Math.round(bare), ratio: Number((ours / bare).toFixed(3)), ceilingWork: 'crypto.verify(Ed25519) over the same tokens, pre-split', ...context });
  emit({ bench: 'gate', metric: 'gate.revocations.bytes', value: download.length, unit: 'bytes', ceiling: 16 * 1024 * 1024, inMemory: list.entries.byteLength - DELTA * 16, download: download.length, limitMiB: 16, ...context });
  emit({ bench: 'gate', metric: 'gate.revocations.read', value: Number(readMs.toFixed(1)), unit: 'ms', built: Number(buildMs.toFixed(1)), ...context });
  // Wall time, and the CPU time this process spent (what it costs on a machine that is not shared).
  emit({ bench: 'gate', metric: 'gate.revocations.delta_apply', value: Number(applyMs.toFixed(2)), unit: 'ms', cpuMs: Number(applyCpuMs.toFixed(2)), delta: DELTA, ...context });
}
