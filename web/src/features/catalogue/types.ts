import type { paths } from '../../api/openapi';
import { currentLanguage } from '../../i18n/index.ts';

/** The shapes the API answers with, taken from the generated OpenAPI types (never copied by hand). */
export type CatalogueItem = paths['/api/v1/catalogue/{id}']['get']['responses'][200]['content']['application/json'];
export type Price = CatalogueItem['price'];
export type Availability = CatalogueItem['availability'];
/** A package as its provider sees it: every language, status, seats, and what the caller may do with it. */
export type ProviderPackage = paths['/api/v1/packages']['get']['responses'][200]['content']['application/json'][number];
/** The same with its version history (the editor's view). */
export type PackageWithVersions = paths['/api/v1/packages/{id}']['get']['responses'][200]['content']['application/json'];

/**
 * Headers that put the page's language into a query's cache key: the server
 * answers catalogue texts in the language asked for, so a language switch
 * must fetch again instead of showing the cached answer in the other language.
 */
export function inPageLanguage() {
  return { 'accept-language': currentLanguage() };
}
