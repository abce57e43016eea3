export { catalogueErrors } from './errors.ts';
export { createPackageService, type PackageService } from './package-service.ts';
export { createCatalogueService, type CatalogueService } from './catalogue-service.ts';
export { createCatalogueRepository, packageSeats } from './catalogue-repository.ts';
export { packageRoutes, catalogueRoutes } from './routes.ts';
export { priceBreakdown, priceComponents, type PriceLine, type PriceLineInput } from '../../common/pricing.ts';
export type { PackageInput, CatalogueFilter } from './schemas.ts';
export { samplePackage } from './fixtures.ts';
export { PackageBody } from './schemas.ts';
