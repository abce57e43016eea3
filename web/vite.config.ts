import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

// No React plugin needed: esbuild compiles JSX; the server serves web/dist.
export default defineConfig({
  root,
  esbuild: { jsx: 'automatic' },
  build: { outDir: path.join(root, 'dist'), emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://localhost:3000', '/docs': 'http://localhost:3000' } },
});
