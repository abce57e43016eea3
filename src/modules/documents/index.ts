export { createDocumentService, type DocumentService } from './service.ts';
export { documentRoutes } from './routes.ts';
export { readInvoiceQr } from './domain/zatca-qr.ts';
export { signClaim } from './domain/tokens.ts';
