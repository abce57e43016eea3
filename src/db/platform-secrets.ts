import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import type { Executor } from './database.ts';

/**
 * A secret the platform generates for itself once and every server process
 * shares (admission tokens, the simulated gateway's webhook key): the first
 * process to need it stores a fresh random value; everyone reads that one.
 */
export async function platformSecret(db: Executor, clock: Clock, name: string): Promise<string> {
  await db.insertInto('platform_secrets').values({ name, value: randomBytes(32).toString('base64url'), created_at: clock.now() })
    .onConflict((oc) => oc.column('name').doNothing()).execute();
  return (await db.selectFrom('platform_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow()).value;
}
