import { cacheNames } from '../sw/offline-rules.ts';

/**
 * What this device keeps of the signed-in person for reading offline, and how
 * it is forgotten: the service worker's personal cache (their bookings,
 * permits and documents as last fetched) and the pages' own copies in
 * localStorage. Nothing of one person is left for the next one to read.
 */

/** localStorage keys holding one person's data (the language and the gate device's setup are the device's, not the person's). */
export const personalStorageKeys = {
  permits: 'manasik.permits.mine',
  waitWindows: 'manasik.permits.waitWindows',
} as const;

/** At sign-in and sign-out: everything kept of whoever used the app before. Works offline too (nothing to ask the server). */
export async function forgetPersonalData(): Promise<void> {
  for (const key of Object.values(personalStorageKeys)) {
    try {
      localStorage.removeItem(key);
    } catch {
      // Storage disabled: nothing was kept there.
    }
  }
  if ('caches' in window) await caches.delete(cacheNames.personal).catch(() => false);
}

/**
 * Asks the service worker to keep these documents (the booking's PDFs) now,
 * while there is a network, so they open later without one. Does nothing
 * before a worker controls the page or offline.
 */
export function keepDocuments(urls: string[]): void {
  const worker = navigator.serviceWorker?.controller;
  if (!worker || !navigator.onLine || urls.length === 0) return;
  worker.postMessage({ type: 'KEEP_DOCUMENTS', urls });
}
