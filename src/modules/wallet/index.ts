export { walletErrors } from './errors.ts';
export { createWalletService, parseStatement, type WalletService } from './service.ts';
export { walletRoutes } from './routes.ts';
