import type { VitePWAOptions } from 'vite-plugin-pwa';

/**
 * The installable app (docs/adr/0002-installable-web-app.md): the web app
 * manifest, and the service worker (src/sw/service-worker.ts) built with the
 * list of the build's files to precache. The page registers the worker itself
 * (ui/app-notices.tsx) once the first screen is done, and asks before a new
 * version takes over.
 */
export const pwaOptions: Partial<VitePWAOptions> = {
  strategies: 'injectManifest',
  srcDir: 'src/sw',
  filename: 'service-worker.ts',
  registerType: 'prompt',
  injectRegister: false,
  manifestFilename: 'manifest.webmanifest',
  manifest: {
    id: '/',
    name: 'مناسك · Manasik',
    short_name: 'مناسك',
    description: 'خدمات الحج والعمرة من مقدمين مرخصين، بعدل ووضوح · Hajj and Umrah services from licensed providers, fair and open',
    lang: 'ar',
    dir: 'rtl',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#fbfaf6',
    theme_color: '#0b5d4b',
    categories: ['travel'],
    icons: [
      { src: '/app-icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/app-icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/app-icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/app-icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    shortcuts: [
      { name: 'حجوزاتي · My bookings', url: '/bookings' },
      { name: 'تصاريحي · My permits', url: '/permits/mine' },
      { name: 'الباقات · Packages', url: '/catalogue' },
    ],
  },
  injectManifest: {
    // The app's files, the gate's manifest and every icon; not the charts (Recharts, a third of the build), which only
    // the statistics, observatory and draw pages draw: they are kept when first used.
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
    globIgnores: ['**/charts-*.js'],
  },
};
