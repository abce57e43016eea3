import type { PermitBooking } from './types.ts';

/**
 * Keeping pages usable without a network: the service worker
 * (web/public/offline-sw.js) keeps the app's files, and each page keeps its
 * own data on the device (my permits here in localStorage; the gate's keys,
 * lists and queue in IndexedDB).
 */

/**
 * Registers the service worker (secure contexts only: https or localhost) and
 * hands it the files this page has already loaded, so that the page opens
 * again offline even though they were fetched before the worker existed.
 */
export async function keepOffline(): Promise<void> {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  try {
    await navigator.serviceWorker.register('/offline-sw.js', { scope: '/' });
    const ready = await navigator.serviceWorker.ready;
    const loaded = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.startsWith(`${location.origin}/assets/`));
    ready.active?.postMessage({ type: 'keep', urls: [...new Set([...loaded, `${location.origin}/favicon.svg`])] });
  } catch {
    // Without a worker the page still works online; nothing to tell the pilgrim here.
  }
}

const MINE = 'manasik.permits.mine';

export interface SavedPermits {
  accountId: string;
  savedAt: number;
  items: PermitBooking[];
}

/** The account's permits (tokens included) as last fetched, so the QR codes show without a network. */
export function savePermits(accountId: string, items: PermitBooking[]) {
  try {
    localStorage.setItem(MINE, JSON.stringify({ accountId, savedAt: Date.now(), items } satisfies SavedPermits));
  } catch {
    // A full or disabled storage only loses the offline copy.
  }
}

export function savedPermits(): SavedPermits | null {
  try {
    const raw = localStorage.getItem(MINE);
    return raw ? (JSON.parse(raw) as SavedPermits) : null;
  } catch {
    return null;
  }
}

/** Signed out: the permits were that person's, not this device's. */
export const forgetPermits = () => localStorage.removeItem(MINE);

/** What the pilgrim saw of a window when joining its waiting list (the list's answer names only the window's id). */
const WAITS = 'manasik.permits.waitWindows';
export interface WaitWindow { siteName: string; startsAt: string; endsAt: string; section: string }
export function rememberWaitWindow(windowId: string, w: WaitWindow) {
  try {
    const all = JSON.parse(localStorage.getItem(WAITS) ?? '{}') as Record<string, WaitWindow>;
    all[windowId] = w;
    localStorage.setItem(WAITS, JSON.stringify(all));
  } catch {
    // Only the window's time goes missing from the list.
  }
}
export function waitWindow(windowId: string): WaitWindow | null {
  try {
    return (JSON.parse(localStorage.getItem(WAITS) ?? '{}') as Record<string, WaitWindow>)[windowId] ?? null;
  } catch {
    return null;
  }
}
