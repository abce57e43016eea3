import { personalStorageKeys } from '../../lib/offline-data.ts';
import type { PermitBooking } from './types.ts';

/**
 * My permits without a network: the service worker (web/src/sw/) keeps the
 * app's files and the last answers of the API, and this page also keeps its
 * permits on the device (localStorage), so the QR codes show with the date
 * they were fetched even when the network hangs. The gate keeps its keys,
 * lists and queue in IndexedDB (features/gate/gate-store.ts).
 */

const MINE = personalStorageKeys.permits;

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
const WAITS = personalStorageKeys.waitWindows;
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
