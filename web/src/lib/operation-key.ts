/**
 * Idempotency keys made once per intended operation and kept across its
 * retries (a double click, a retry after a lost answer, even a reload), so
 * the server runs the operation once. A new key only after the operation
 * succeeded, or for a different operation (another booking, another amount).
 */
const PREFIX = 'manasik.operation.';

/** A version 4 UUID from getRandomValues, which (unlike randomUUID) also exists on plain-http pages such as a phone on the local network. */
export function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The key of `operation` (e.g. `pay:<booking>:<amount>`): the same until `operationDone` is called. */
export function operationKey(operation: string): string {
  const stored = sessionStorage.getItem(PREFIX + operation);
  if (stored) return stored;
  const key = uuid();
  sessionStorage.setItem(PREFIX + operation, key);
  return key;
}

/** The operation succeeded: the next one of the same shape is a new intention with a new key. */
export function operationDone(operation: string): void {
  sessionStorage.removeItem(PREFIX + operation);
}
