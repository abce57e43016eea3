import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdempotencyHeaders } from '../../http/idempotency.ts';
import { policies } from '../../http/policy.ts';
import { acceptCsv, csvOnly } from '../../http/uploads.ts';
import type { WalletService } from './service.ts';
import { StatementLine, WalletSchema } from './schemas.ts';

export const walletRoutes: FastifyPluginAsyncTypebox<{ wallet: WalletService }> = async (app, { wallet }) => {
  const tags = ['wallet'];
  acceptCsv(app, 2_000_000);

  app.get('/wallet', {
    schema: { tags, summary: 'Your wallet: balance, bank reference for top-ups, and history', response: { 200: WalletSchema } },
    config: { policy: policies.roles('pilgrim') },
  }, async (req) => wallet.view(req.ctx));

  app.post('/wallet/bank-statements', {
    schema: {
      tags,
      summary: 'Import a bank statement (CSV: date,reference,amount,transaction_id) and credit the wallets it names',
      description: 'Send `Content-Type: text/csv`. A transaction already credited is skipped; a reference that names no wallet is listed, not guessed.',
      body: Type.String({ minLength: 1, maxLength: 2_000_000, description: 'text/csv: a "date,reference,amount,transaction_id" header, then one line per incoming transfer' }),
      consumes: ['text/csv'],
      headers: IdempotencyHeaders,
      response: { 200: Type.Object({ credited: Type.Array(StatementLine), duplicates: Type.Array(Type.Integer()), unmatched: Type.Array(StatementLine) }) },
    },
    config: { policy: policies.roles('ministry_admin'), accepts: csvOnly, idempotent: true },
  }, async (req) => wallet.importStatement(req.ctx, req.body));
};
