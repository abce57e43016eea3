/**
 * Manasik's service worker, for the whole origin (Workbox modules, built by
 * vite-plugin-pwa with the list of the build's files injected as
 * `self.__WB_MANIFEST`). What it keeps and why: offline-rules.ts and
 * docs/adr/0002-installable-web-app.md.
 *
 * - The app's files (the shell, every page's chunk and texts, icons,
 *   manifests) are precached at install, so the app opens without a network;
 *   every page is index.html, answered from the precache (the client router
 *   does the rest). A new build installs beside the old one and waits until
 *   the pilgrim accepts it (`SKIP_WAITING` from the update banner).
 * - GET reads of the API on the offline lists: network first, the kept copy
 *   when the network fails or hangs.
 * - Built files left out of the precache (the charts): cached when first used.
 */
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core/types.js';
import { NETWORK_TIMEOUT_SECONDS, cacheNames, keepable, legacyCaches, offlineCacheFor, serverPaths, sessionAccount } from './offline-rules.ts';

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

const origin = self.location.origin;
const SESSION = `${origin}/api/v1/auth/session`;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: serverPaths }));

/** Only complete answers the server lets a device keep. */
const onlyKeepable: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) => (keepable(response.status, response.headers.get('cache-control')) ? response : null),
};

const forgetPersonal = () => caches.delete(cacheNames.personal);

/**
 * The session answer decides whose the personal cache is: nobody signed in
 * empties it (and is not kept), somebody else than the kept session's
 * account empties it before their answers are kept.
 */
const sameAccount: WorkboxPlugin = {
  cacheWillUpdate: async ({ request, response }) => {
    if (request.url !== SESSION) return response;
    const account = sessionAccount(await response.clone().json().catch(() => null));
    if (!account) {
      await forgetPersonal();
      return null;
    }
    const kept = await (await caches.open(cacheNames.personal)).match(SESSION);
    if (kept && sessionAccount(await kept.json().catch(() => null)) !== account) await forgetPersonal();
    return response;
  },
};

const publicReads = new NetworkFirst({
  cacheName: cacheNames.public,
  networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
  plugins: [onlyKeepable, new ExpirationPlugin({ maxEntries: 80 })],
});
const personalReads = new NetworkFirst({
  cacheName: cacheNames.personal,
  networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
  plugins: [onlyKeepable, sameAccount, new ExpirationPlugin({ maxEntries: 120 })],
});
registerRoute(({ url, request }) => offlineCacheFor(url, request.method, origin) === 'public', publicReads);
registerRoute(({ url, request }) => offlineCacheFor(url, request.method, origin) === 'personal', personalReads);

registerRoute(
  ({ url, request }) => request.method === 'GET' && url.origin === origin && url.pathname.startsWith('/assets/'),
  new CacheFirst({ cacheName: cacheNames.assets, plugins: [onlyKeepable, new ExpirationPlugin({ maxEntries: 40 })] }),
);

/**
 * The booking's documents the page shows, fetched once while there is a
 * network so that they open later without one (a pilgrim who never opened
 * the card before leaving for Mina still has it). Only URLs on the personal
 * list, and only those not kept yet.
 */
async function keepDocuments(urls: unknown[]) {
  const cache = await caches.open(cacheNames.personal);
  for (const u of urls) {
    if (typeof u !== 'string') continue;
    const url = new URL(u, origin);
    if (offlineCacheFor(url, 'GET', origin) !== 'personal' || (await cache.match(url.href))) continue;
    try {
      const response = await fetch(url.href, { credentials: 'same-origin' });
      if (keepable(response.status, response.headers.get('cache-control'))) await cache.put(url.href, response);
    } catch {
      // No network now: the next showing of the booking tries again.
    }
  }
}

self.addEventListener('message', (event) => {
  const data = event.data as { type?: string; urls?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
  else if (data?.type === 'KEEP_DOCUMENTS' && Array.isArray(data.urls)) event.waitUntil(keepDocuments(data.urls));
});

self.addEventListener('install', () => {
  // Replacing the hand-written worker of the gate and my permits: nothing to wait for, nobody to ask.
  if (self.registration.active?.scriptURL.endsWith('/offline-sw.js')) void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(Promise.all(legacyCaches.map((name) => caches.delete(name))));
});

// The first worker takes the open pages at once (so what they read next is kept); a new version waits for the banner.
clientsClaim();
