import type { FastifyInstance } from 'fastify';
import client from 'prom-client';

/**
 * Prometheus metrics: request counts and latency by route template (never by
 * raw URL, which would explode the label space), plus Node's process metrics.
 * Each app has its own registry, so several apps in one test process coexist.
 */
export function installMetrics(app: FastifyInstance) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'manasik_' });
  const duration = new client.Histogram({
    name: 'manasik_http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  return registry;
}
