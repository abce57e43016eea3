export { bookingErrors } from './errors.ts';
export { createBookingService, presentBooking, type BookingService, type Offer, type Released } from './service.ts';
export { createSaleService, type SaleService } from './sale-service.ts';
export { createFamilyBookings, type FamilyBookings } from './family-bookings.ts';
export { bookingRoutes } from './routes.ts';
export { createProviderBookingService, type ProviderBookingService } from './provider-service.ts';
export { providerBookingRoutes } from './provider-routes.ts';
export { liveStatuses, paidStatuses, cancellableStatuses, type BookingsTable, type BookingStatus } from './tables.ts';
export { BookingSchema, FamilyBookingSchema, RefundRule } from './schemas.ts';
