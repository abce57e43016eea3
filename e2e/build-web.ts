import { build } from 'vite';

/** The browser test drives the real built web app: build it once before the run. */
export default async function setup() {
  // Vitest runs with NODE_ENV=test, which Vite would carry into the bundle (React's development build): build as `npm start` does.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: new URL('../web/vite.config.ts', import.meta.url).pathname, logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = previous;
  }
}
