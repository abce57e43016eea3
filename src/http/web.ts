import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { policies } from './policy.ts';

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/**
 * Serves the built web app: files under web/dist, and index.html for every
 * other path so that the client router handles deep links. API paths that
 * match nothing stay a problem+json 404.
 */
export async function installWeb(app: FastifyInstance) {
  const built = fs.existsSync(path.join(webDist, 'index.html'));
  // The build writes brotli and gzip copies of the app's files (web/vite.config.ts): sent as they are when the client takes them.
  if (built) await app.register(fastifyStatic, { root: webDist, serve: false, preCompressed: true });
  app.get('/*', { schema: { hide: true }, config: { policy: policies.static } }, async (req, reply) => {
    const wanted = (req.params as { '*': string })['*'];
    if (wanted.startsWith('api/') || wanted === 'api') return reply.callNotFound();
    if (!built) {
      return reply
        .type('text/html; charset=utf-8')
        .send('<!doctype html><html lang="en"><title>Manasik</title><p>The web app is not built: run <code>npm run build:web</code>.</p></html>');
    }
    const file = path.resolve(webDist, wanted);
    if (wanted && file.startsWith(webDist + path.sep) && fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      const immutable = wanted.startsWith('assets/');
      return reply.sendFile(wanted, { immutable, maxAge: immutable ? '365d' : 0 });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
