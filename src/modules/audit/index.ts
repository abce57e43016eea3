export { auditInsert, writeAudit, writeAudits, type AuditEntry, type AuditContext } from './log-repository.ts';
export { createAuditService, type AuditService, type AuditRecord } from './service.ts';
export { auditRoutes } from './routes.ts';
