import type { Static } from '@sinclair/typebox';
import type { CatalogueItemSchema, CataloguePageSchema, PackageDetailSchema } from '../../../../src/modules/catalogue/schemas.ts';

/** The server's own response schemas, so the web app and the API cannot drift. */
export type CatalogueItem = Static<typeof CatalogueItemSchema>;
export type CataloguePage = Static<typeof CataloguePageSchema>;
export type PackageDetail = Static<typeof PackageDetailSchema>;
