import type { Clock } from '../src/core/clock.ts';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/core/config.ts';
import { createLogger } from '../src/core/logger.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrator.ts';
import { scryptHasher } from '../src/modules/accounts/index.ts';

/** The whole platform on a fresh in-memory database, listening on a random local port. */
export async function startTestServer(options: { clock?: Clock } = {}) {
  const db = await openDatabase({});
  await migrate(db);
  const config = loadConfig({ LOG_LEVEL: 'warn', PORT: '0' });
  // The simulated gateway's webhooks go straight into this app (its public URL is not known before it listens).
  const target: { app?: Awaited<ReturnType<typeof buildApp>>['app'] } = {};
  const gatewayFetch = (async (url: string | URL, init?: RequestInit) => {
    const res = await target.app!.inject({ method: 'POST', url: new URL(String(url)).pathname, headers: init?.headers as Record<string, string>, payload: String(init?.body ?? '') });
    return new Response(res.body, { status: res.statusCode });
  }) as typeof fetch;
  const { app, services } = await buildApp({ config, db, gatewayFetch, logger: createLogger('warn'), hasher: scryptHasher({ N: 1024, r: 8, p: 1 }), ...(options.clock ? { clock: options.clock } : {}) });
  target.app = app;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    base,
    app,
    services,
    db,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
