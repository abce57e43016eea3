export { createNotificationService, type NotificationService, type EmailToSend } from './service.ts';
export { devMailboxTransport, smtpTransport, type MailTransport, type OutgoingEmail } from './transports.ts';
export { mailboxRoutes } from './routes.ts';
