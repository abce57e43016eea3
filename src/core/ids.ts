import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A new primary key. UUIDs keep ids unguessable and mergeable across machines. */
export function newId(): string {
  return randomUUID();
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/**
 * A secret for a cookie, a bearer token or an emailed link: 256 random bits,
 * prefixed so a leaked one is recognisable (and greppable by secret scanners).
 * Only its SHA-256 hash is stored.
 */
export function newSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
