import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { pwaOptions } from './pwa.ts';

const root = path.dirname(fileURLToPath(import.meta.url));

// No React plugin needed: esbuild compiles JSX; the server serves web/dist.
export default defineConfig({
  root,
  esbuild: { jsx: 'automatic' },
  plugins: [
    VitePWA(pwaOptions),
    // Brotli and gzip copies beside each file, served as they are (src/http/web.ts): a phone on a slow link downloads a
    // quarter of the bytes, and the server compresses nothing per request. Not the service worker: checked byte for byte.
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      include: /\.(js|css|html|svg|json|webmanifest)$/,
      exclude: /(^|\/)service-worker\.js$/,
      threshold: 1024,
    }),
  ],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // React Server Components' "use client" marks mean nothing in a client-only bundle; Rollup drops them, and says so for each file.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || (warning.code === 'SOURCEMAP_ERROR' && /use client|Can't resolve original location/.test(warning.message))) return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/docs': 'http://localhost:3000' } },
});
