import type { Selectable } from 'kysely';
import { availability, pickText } from './domain/listing.ts';
import type { PackageVersionsTable, PackagesTable } from './tables.ts';
import type { PackageInput } from './schemas.ts';
import { priceBreakdown } from '../../common/pricing.ts';

type Version = Selectable<PackageVersionsTable>;
type Package = Selectable<PackagesTable>;

/** A package version's content in the API's shape (text fields left to the caller). */
export function presentContent(v: Version, season: string) {
  return {
    version: v.version,
    season,
    type: v.type,
    departureCity: v.departure_city,
    makkah: { hotel: v.makkah_hotel, distanceM: v.makkah_distance_m, roomOccupancy: v.makkah_room_occupancy },
    madinah: v.madinah_hotel !== null ? { hotel: v.madinah_hotel, distanceM: v.madinah_distance_m ?? 0 } : null,
    minaCamp: v.mina_camp,
    arafatService: v.arafat_service,
    meals: v.meals,
    transport: v.transport,
    guidanceLanguages: v.guidance_languages,
    insurance: v.insurance,
    eligibleCountries: v.eligible_countries,
    price: { lines: v.price_lines, subtotal: v.subtotal, vat: v.vat, total: v.total },
  };
}

/** The provider's (and the ministry's) view: every language, status, seats. */
export function presentDetail(p: Package, v: Version) {
  return {
    id: p.id,
    providerId: p.provider_id,
    status: p.status,
    capacity: p.capacity,
    seatsTaken: p.seats_taken,
    availability: availability(p.capacity, p.seats_taken),
    currentVersion: p.current_version,
    ...presentContent(v, p.season),
    title: v.title,
    description: v.description,
    createdAt: p.created_at.toISOString(),
    publishedAt: p.published_at?.toISOString() ?? null,
    closedAt: p.closed_at?.toISOString() ?? null,
  };
}
export type PackageDetail = ReturnType<typeof presentDetail>;

/** The provider's public scorecard, as the observatory publishes it (the catalogue only carries it). */
export type CatalogueScorecard = { providerId: string; computedAt: string; csat: unknown; nps: unknown; adherence: unknown; complaintsPerThousand: unknown; inspections: unknown; publishMin: number; reply: unknown };

/** A public catalogue entry in the reader's language, with the provider's public identity. */
export function presentCatalogueItem(
  p: Pick<Package, 'id' | 'season' | 'capacity' | 'seats_taken' | 'published_at'>,
  v: Version,
  provider: { id: string; nameAr: string; nameEn: string; licenceNumber: string },
  language: string,
) {
  const title = pickText(v.title, language);
  const description = pickText(v.description, language);
  return {
    id: p.id,
    ...presentContent(v, p.season),
    title: title.text,
    titleLanguage: title.language,
    description: description.text,
    descriptionLanguage: description.language,
    availability: availability(p.capacity, p.seats_taken),
    provider: { id: provider.id, name: language === 'ar' ? provider.nameAr : provider.nameEn, licenceNumber: provider.licenceNumber },
    scorecard: null as CatalogueScorecard | null,
    publishedAt: p.published_at?.toISOString() ?? null,
  };
}
export type CatalogueItem = ReturnType<typeof presentCatalogueItem>;

/** The version row for a package's content, priced by the documented rule. */
export function versionRow(packageId: string, version: number, input: PackageInput, now: Date) {
  const price = priceBreakdown(input.priceLines);
  return {
    package_id: packageId,
    version,
    title: JSON.stringify(input.title),
    description: JSON.stringify(input.description),
    type: input.type,
    departure_city: input.departureCity ?? null,
    makkah_hotel: input.makkah.hotel,
    makkah_distance_m: input.makkah.distanceM,
    makkah_room_occupancy: input.makkah.roomOccupancy,
    madinah_hotel: input.madinah?.hotel ?? null,
    madinah_distance_m: input.madinah?.distanceM ?? null,
    mina_camp: input.minaCamp,
    arafat_service: input.arafatService,
    meals: input.meals,
    transport: input.transport,
    guidance_languages: input.guidanceLanguages,
    insurance: input.insurance,
    eligible_countries: input.eligibleCountries.map((c) => c.toUpperCase()),
    price_lines: JSON.stringify(price.lines),
    subtotal: price.subtotal,
    vat: price.vat,
    total: price.total,
    created_at: now,
  };
}
