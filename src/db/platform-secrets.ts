import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import type { Executor } from './database.ts';

/**
 * A secret the platform generates for itself once and every server process
 * shares (admission tokens, the simulated gateway's webhook key): the first
 * process to need it stores a fresh random value; everyone reads that one.
 */
/**
 * The secret, only if it exists: what a verifier uses, so that checking a
 * token never writes (no secret means nothing was ever signed with it).
 */
// A secret never changes once created (created once, never updated), so each process keeps what it has read, per database.
const known = new WeakMap<object, Map<string, string>>();

export async function existingPlatformSecret(db: Executor, name: string): Promise<string | null> {
  const cached = known.get(db)?.get(name);
  if (cached) return cached;
  const value = (await db.selectFrom('platform_secrets').select('value').where('name', '=', name).executeTakeFirst())?.value ?? null;
  if (value) {
    if (!known.has(db)) known.set(db, new Map());
    known.get(db)!.set(name, value);
  }
  return value;
}

export async function platformSecret(db: Executor, clock: Clock, name: string): Promise<string> {
  await db.insertInto('platform_secrets').values({ name, value: randomBytes(32).toString('base64url'), created_at: clock.now() })
    .onConflict((oc) => oc.column('name').doNothing()).execute();
  return (await db.selectFrom('platform_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow()).value;
}
