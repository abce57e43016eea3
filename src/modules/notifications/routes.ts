import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { policies } from '../../http/policy.ts';
import { Email, Obj } from '../../common/schemas/kit.ts';
import type { NotificationService } from './service.ts';

/**
 * /api/v1/dev/mailbox: the developer mailbox. Registered only when no SMTP
 * server is configured (or MANASIK_DEV_MAILBOX=true), i.e. on a laptop or demo:
 * it shows every email the platform sent, links included.
 */
export const mailboxRoutes: FastifyPluginAsyncTypebox<{ notifications: NotificationService }> = async (app, { notifications }) => {
  app.get('/dev/mailbox', {
    schema: {
      tags: ['development'],
      summary: 'Emails sent by the platform (development mailbox)',
      querystring: Obj({ to: Type.Optional(Email()) }),
      response: {
        200: Type.Object({
          items: Type.Array(Type.Object({
            id: Type.String(),
            to: Type.String(),
            locale: Type.String(),
            template: Type.String(),
            subject: Type.String(),
            text: Type.String(),
            status: Type.String(),
            createdAt: Type.String(),
          })),
        }),
      },
    },
    config: { policy: policies.public },
  }, async (req) => ({ items: await notifications.mailbox(req.query.to?.trim()) }));
};
