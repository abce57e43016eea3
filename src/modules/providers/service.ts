import { applyUseCase } from './apply.ts';
import { createProviderContext, type ProviderDeps } from './context.ts';
import { decideLicenceUseCase } from './decide-licence.ts';
import { providerQueries } from './queries.ts';
import { staffUseCases } from './staff.ts';

export type { ProviderDeps } from './context.ts';
export type { ProviderApplication, ProviderView, PublicProviderView } from './presenters.ts';

/**
 * Licensing of providers and their staff: a company applies, the ministry
 * decides (src/workflows/decide-licence.ts also refunds a suspended
 * provider's bookings), the owner invites the team. One use case per file.
 */
export function createProviderService(deps: ProviderDeps) {
  const c = createProviderContext(deps);
  return {
    ...applyUseCase(c),
    ...decideLicenceUseCase(c),
    ...staffUseCases(c),
    ...providerQueries(c),
  };
}
export type ProviderService = ReturnType<typeof createProviderService>;
