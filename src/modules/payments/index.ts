export { paymentErrors } from './errors.ts';
export { createPaymentService, type PaymentService } from './service.ts';
export { simulatedCardGateway, verifySignature, type CardGateway, type GatewayEvent } from './gateway.ts';
export { paymentRoutes } from './routes.ts';
