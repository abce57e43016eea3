export { createDocumentService, type DocumentService } from './service.ts';
export { documentRoutes } from './routes.ts';
