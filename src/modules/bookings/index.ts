export { createBookingService, presentBooking, type BookingService, type Offer, type Released } from './service.ts';
export { createSaleService, type SaleService } from './sale-service.ts';
export { bookingRoutes } from './routes.ts';
export { createProviderBookingService, type ProviderBookingService } from './provider-service.ts';
export { providerBookingRoutes } from './provider-routes.ts';
