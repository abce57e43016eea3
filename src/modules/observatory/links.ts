import { createHmac, timingSafeEqual } from 'node:crypto';
import { fromBase64url } from '../../common/permits/bytes.ts';

/**
 * A survey link's token: the invitation's id and its questionnaire's id (16 bytes each) and the
 * first 16 bytes of their HMAC-SHA-256 under a platform secret, base64url (64 characters).
 * Nothing secret is stored per invitation, a reminder sends the same link again, a forged or
 * altered token fails the MAC, and an answer is checked against its questionnaire (kept per
 * process) before the one statement that stores it.
 */
const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const mac = (secret: string, ids: Buffer) => createHmac('sha256', secret).update('survey-link\0').update(ids).digest().subarray(0, 16);
const uuidOf = (b: Buffer) => {
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export function linkToken(secret: string, invitationId: string, questionnaireId: string): string {
  const ids = Buffer.concat([uuidBytes(invitationId), uuidBytes(questionnaireId)]);
  return Buffer.concat([ids, mac(secret, ids)]).toString('base64url');
}

/** The invitation and questionnaire a token names, or null when it is not one of ours. */
export function readLinkToken(secret: string, token: string): { invitationId: string; questionnaireId: string } | null {
  if (!/^[A-Za-z0-9_-]{64}$/.test(token)) return null;
  const bytes = fromBase64url(token);
  if (!bytes || bytes.length !== 48) return null;
  const ids = Buffer.from(bytes.subarray(0, 32));
  if (!timingSafeEqual(mac(secret, ids), Buffer.from(bytes.subarray(32)))) return null;
  return { invitationId: uuidOf(ids.subarray(0, 16)), questionnaireId: uuidOf(ids.subarray(16)) };
}
