import { build } from 'vite';

/** The browser test drives the real built web app: build it once before the run. */
export default async function setup() {
  await build({ configFile: new URL('../web/vite.config.ts', import.meta.url).pathname, logLevel: 'warn' });
}
