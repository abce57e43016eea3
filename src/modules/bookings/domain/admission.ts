import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The open sale's waiting room, as arithmetic (docs/algorithms/open-sale.md).
 * Admission depends only on a person's place in the queue and the time since
 * the opening, so every server process computes the same answer from the
 * shared queue with no coordination.
 */
export interface SaleRate {
  /** Places admitted at the opening itself. */
  firstBatch: number;
  admitPerMinute: number;
}

/** How many places are admitted `elapsedMs` after the opening (0 before it). */
export function admittedUpTo(rate: SaleRate, elapsedMs: number): number {
  if (elapsedMs < 0) return 0;
  return rate.firstBatch + Math.floor((elapsedMs / 60_000) * rate.admitPerMinute);
}

/** Seconds until `position` is admitted (0 when it already is). */
export function estimatedWaitSeconds(rate: SaleRate, position: number, elapsedMs: number): number {
  if (elapsedMs >= 0 && position <= admittedUpTo(rate, elapsedMs)) return 0;
  const needMs = Math.max(0, ((position - rate.firstBatch) / rate.admitPerMinute) * 60_000);
  return Math.max(0, Math.ceil((needMs - elapsedMs) / 1000));
}

export interface Admission {
  season: string;
  accountId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

const encode = (a: Admission) => Buffer.from(JSON.stringify([a.season, a.accountId, a.expiresAt])).toString('base64url');
const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(`admission.${payload}`).digest('base64url');

/** A short-lived admission token: payload.HMAC-SHA256(secret, payload). */
export function signAdmission(secret: string, a: Admission): string {
  const payload = encode(a);
  return `${payload}.${sign(secret, payload)}`;
}

/** The admission a token carries, or null when it is forged, malformed or expired. */
export function verifyAdmission(secret: string, token: string, nowMs: number): Admission | null {
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const [season, accountId, expiresAt] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [string, string, number];
    if (typeof season !== 'string' || typeof accountId !== 'string' || typeof expiresAt !== 'number' || expiresAt <= nowMs) return null;
    return { season, accountId, expiresAt };
  } catch {
    return null;
  }
}

/** A place in the waiting room, once it has one: places never change, so a signed place needs no database to read. */
export interface Place {
  season: string;
  accountId: string;
  position: number;
}

const signPlaceText = (secret: string, payload: string) => createHmac('sha256', secret).update(`place.${payload}`).digest('base64url');

/**
 * A place token: payload.HMAC-SHA256(secret, "place." ‖ payload). It lets its holder poll the
 * waiting room with no session and no database read (docs/algorithms/open-sale.md); it proves
 * nothing else: the admission it yields names the same account, and booking still needs that
 * account's session. Domain-separated from admissions, so one never passes for the other.
 */
export function signPlace(secret: string, p: Place): string {
  const payload = Buffer.from(JSON.stringify([p.season, p.accountId, p.position])).toString('base64url');
  return `${payload}.${signPlaceText(secret, payload)}`;
}

/** The place a token carries, or null when it is forged or malformed. */
export function verifyPlace(secret: string, token: string): Place | null {
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined) return null;
  const expected = Buffer.from(signPlaceText(secret, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const [season, accountId, position] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    if (typeof season !== 'string' || typeof accountId !== 'string' || !Number.isSafeInteger(position) || (position as number) < 1) return null;
    return { season, accountId, position: position as number };
  } catch {
    return null;
  }
}
