/* global self, caches, fetch */
/**
 * Manasik's service worker: keeps the web app's own files so that the gate
 * officer's app (/gate) and a pilgrim's permits (/permits/mine) open without
 * a network. Plain JavaScript, no library; registered by those two pages
 * (web/src/features/permits/offline.ts) for the whole origin.
 *
 * - The API (/api/…) is never cached here: the pages keep their own data (the
 *   gate in IndexedDB, my permits in localStorage) and say how old it is.
 * - Built files (/assets/…, names carry a content hash, so they never change)
 *   are served from the cache first, and cached the first time they are fetched.
 * - A page (a navigation) is fetched from the network first; its HTML is kept
 *   as the app shell and served when the network fails (every route is the
 *   same index.html; the client router does the rest).
 * - Other files (icons, manifest) are network first, the cache as fallback.
 * - The page sends the files it loaded before the worker existed
 *   ({type: 'keep', urls}) so that they are kept too.
 *
 * A new version of this file replaces the cache (CACHE below) on activation.
 */
const CACHE = 'manasik-offline-v1';
const SHELL = '/index.html';

self.addEventListener('install', (event) => {
  // The shell now, so that the page that registered the worker opens offline even if it is never fetched again online.
  event.waitUntil(caches.open(CACHE).then((c) => fetch('/', { cache: 'reload' }).then((r) => (r.ok ? c.put(SHELL, r) : undefined))).catch(() => undefined));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith('manasik-offline-') && n !== CACHE).map((n) => caches.delete(n)))).then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'keep' || !Array.isArray(data.urls)) return;
  const same = data.urls.filter((u) => typeof u === 'string' && new URL(u).origin === self.location.origin && !new URL(u).pathname.startsWith('/api/'));
  event.waitUntil(caches.open(CACHE).then((c) => Promise.all(same.map((u) => c.match(u).then((hit) => hit || c.add(u).catch(() => undefined))))));
});

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(key);
    if (hit) return hit;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/docs')) return;
  if (request.mode === 'navigate') event.respondWith(networkFirst(request, SHELL));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(request));
  else event.respondWith(networkFirst(request, request));
});
