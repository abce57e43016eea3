import cliProgress from 'cli-progress';
import { actingAs, systemContext } from '../src/core/principal.ts';
import type { PackageInput } from '../src/modules/catalogue/index.ts';
import { sampleApplication } from '../src/modules/providers/index.ts';
import type { Services } from '../src/services.ts';

/** A progress bar on stderr, so the benchmark's JSON on stdout stays clean. */
export function progress(label: string, total: number) {
  const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: process.stderr }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  return bar;
}

/**
 * Licensed providers publishing packages, through the services as providers
 * would: `providers` owners apply, are licensed, and publish `total` packages
 * between them. Returns the package ids in creation order.
 */
export async function seedPublishedPackages(
  services: Services,
  options: { providers: number; total: number; tag: string; packageFor: (provider: number, k: number) => PackageInput },
): Promise<string[]> {
  const bar = progress('packages', options.total);
  const ids: string[] = [];
  const perProvider = Math.ceil(options.total / options.providers);
  for (let p = 0; p < options.providers && ids.length < options.total; p++) {
    const owner = await services.accounts.createDirect(
      systemContext('bench'),
      { email: `owner${p}@${options.tag}.example`, displayName: `Owner ${p}`, role: 'pilgrim', locale: 'en' },
      'benchmark passphrase',
    );
    const provider = await services.providers.apply(actingAs(owner.id, {}, 'bench'), sampleApplication({ legalNameEn: `Provider ${p}` }));
    await services.workflows.decideLicence(systemContext('bench'), provider.id, 'approve', { validFrom: '2020-01-01', validTo: '2099-12-31' });
    const staff = actingAs(owner.id, { role: 'provider_staff', providerId: provider.id }, 'bench');
    for (let k = 0; k < perProvider && ids.length < options.total; k++) {
      const pkg = await services.packages.create(staff, options.packageFor(p, k));
      await services.packages.publish(staff, pkg.id);
      ids.push(pkg.id);
      bar.increment();
    }
  }
  bar.stop();
  return ids;
}
