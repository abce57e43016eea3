export { walletErrors } from './errors.ts';
export { createWalletService, parseStatement, type BookingMoney, type WalletService } from './service.ts';
export { walletRoutes } from './routes.ts';
export { WalletSchema } from './schemas.ts';
