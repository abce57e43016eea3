import { benchDatabaseEnv, cli, emit, load, startServer, stopServer } from './support.ts';

/**
 * http-baseline: requests/s and p99 latency at 100 concurrent connections,
 * load generated from this process against the server in another, for
 * /health (no database, no auth: the ceiling of the HTTP stack) and for
 * GET /api/v1/me with a bearer token (token lookup + account read).
 */
export async function run() {
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 100);
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const { env, engine } = await benchDatabaseEnv();
  const email = 'bench.admin@example.org';
  const password = 'benchmark passphrase 1447';
  await cli(['admin', 'create', '--email', email, '--name', 'Bench', '--password', password], env);
  const { url, child } = await startServer(env);
  try {
    const tokenRes = await fetch(`${url}/api/v1/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const { token } = (await tokenRes.json()) as { token: string };
    await load(`${url}/health`, { connections, seconds: 2 }); // warm-up (JIT, pools)

    const health = await load(`${url}/health`, { connections, seconds });
    const me = await load(`${url}/api/v1/me`, { connections, seconds, headers: { authorization: `Bearer ${token}` } });
    const context = { engine, connections, seconds, logLevel: process.env.BENCH_LOG_LEVEL ?? 'warn' };
    emit({ bench: 'http-baseline', metric: 'health.rps', value: health.rps, unit: 'req/s', ...context });
    emit({ bench: 'http-baseline', metric: 'health.p99', value: health.p99, unit: 'ms', ...context });
    emit({
      bench: 'http-baseline',
      metric: 'me.rps',
      value: me.rps,
      unit: 'req/s',
      ceiling: health.rps,
      ratio: Number((me.rps / health.rps).toFixed(3)),
      ...context,
    });
    emit({ bench: 'http-baseline', metric: 'me.p99', value: me.p99, unit: 'ms', ceiling: health.p99, ...context });
  } finally {
    await stopServer(child);
  }
}
