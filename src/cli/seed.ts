import cliProgress from 'cli-progress';
import { systemContext } from '../core/principal.ts';
import type { Services } from '../services.ts';
import { sampleApplication } from '../modules/providers/fixtures.ts';
import { DEMO_PASSWORD, demoAccounts, type DemoAccount } from './demo-data.ts';

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
      if (account.role === 'provider_staff') await seedDemoProvider(services, account);
      else await services.accounts.createDirect(systemContext('seed'), account as never, DEMO_PASSWORD);
      created++;
    } catch (error) {
      if ((error as { code?: string }).code !== 'account.email_taken') throw error;
    }
    bar?.increment(1, { email: account.email });
  }
  bar?.stop();
  return created;
}

/** The demo provider goes through the real flow: its owner registers, applies, and is licensed. */
async function seedDemoProvider(services: Services, account: DemoAccount) {
  const owner = await services.accounts.createDirect(systemContext('seed'), { ...account, role: 'pilgrim' }, DEMO_PASSWORD);
  const ctx = { actor: { ...ownerPrincipal(owner.id), locale: account.locale }, locale: account.locale, requestId: 'seed' };
  const provider = await services.providers.apply(ctx, sampleApplication({ crNumber: '4030123456', licenceNumber: 'HJ-1447-0001' }));
  const year = services.clock.now().getUTCFullYear();
  await services.providers.decide(systemContext('seed'), provider.id, 'approve', {
    validFrom: `${year - 1}-01-01`,
    validTo: `${year + 2}-12-31`,
  });
}

function ownerPrincipal(accountId: string) {
  return { accountId, role: 'pilgrim' as const, providerId: null, countryCode: null, credentialHash: 'seed', credentialKind: 'bearer' as const };
}
