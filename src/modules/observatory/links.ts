import { createHmac, timingSafeEqual } from 'node:crypto';
import { fromBase64url } from '../../common/permits/bytes.ts';

/**
 * A survey link's token: the invitation's id (16 bytes) and the first 16 bytes of its
 * HMAC-SHA-256 under a platform secret, base64url. Nothing secret is stored per invitation, a
 * reminder sends the same link again, and a forged or altered token fails the MAC.
 */
const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const mac = (secret: string, id: Buffer) => createHmac('sha256', secret).update('survey-link\0').update(id).digest().subarray(0, 16);

export function linkToken(secret: string, invitationId: string): string {
  const id = uuidBytes(invitationId);
  return Buffer.concat([id, mac(secret, id)]).toString('base64url');
}

/** The invitation id a token names, or null when it is not one of ours. */
export function readLinkToken(secret: string, token: string): string | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const bytes = fromBase64url(token);
  if (!bytes || bytes.length !== 32) return null;
  const id = Buffer.from(bytes.subarray(0, 16));
  if (!timingSafeEqual(mac(secret, id), Buffer.from(bytes.subarray(16)))) return null;
  const hex = id.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
