import cliProgress from 'cli-progress';
import { systemContext } from '../core/principal.ts';
import type { Services } from '../services.ts';
import { DEMO_PASSWORD, demoAccounts } from './demo-data.ts';

/**
 * Seeds the demo accounts. Idempotent: accounts that exist are left alone,
 * so `npm start` can call it on every run and only the first run writes.
 * @returns how many accounts were created
 */
export async function seedDemo(services: Services, options: { progress?: boolean } = {}): Promise<number> {
  const bar = options.progress
    ? new cliProgress.SingleBar({ format: 'seeding demo data [{bar}] {value}/{total} {email}', hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(demoAccounts.length, 0, { email: '' });
  let created = 0;
  for (const account of demoAccounts) {
    try {
      await services.accounts.createDirect(systemContext('seed'), account as never, DEMO_PASSWORD);
      created++;
    } catch (error) {
      if ((error as { code?: string }).code !== 'account.email_taken') throw error;
    }
    bar?.increment(1, { email: account.email });
  }
  bar?.stop();
  return created;
}
