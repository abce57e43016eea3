/**
 * Renders the web app's icons (web/public/app-icon-*.png) from the favicon
 * (web/public/favicon.svg) in Debian's Chromium, once: the PNGs are committed,
 * this script is how to make them again after the favicon changes.
 *
 * - `app-icon-<size>.png` (purpose `any`): the favicon as it is, rounded
 *   corners on a transparent background.
 * - `app-icon-maskable-<size>.png` (purpose `maskable`): the same drawing on a
 *   full square, so a launcher may cut any shape; the house stays inside the
 *   safe zone (the middle 80 %).
 *
 * @example npx tsx scripts/render-icons.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../e2e/browser.ts';

const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/public');
const favicon = fs.readFileSync(path.join(publicDir, 'favicon.svg'), 'utf8');
const fullSquare = favicon.replace(/ rx="[^"]*"/, '');
if (fullSquare === favicon) throw new Error('favicon.svg has no rounded corners to square off: check the maskable drawing by hand');

const browser = await launchBrowser();
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    for (const [name, svg] of [[`app-icon-${size}.png`, favicon], [`app-icon-maskable-${size}.png`, fullSquare]] as const) {
      const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
      await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
      await page.screenshot({ path: path.join(publicDir, name), omitBackground: true });
      console.log(`wrote web/public/${name}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
