import { createStore, del, get, setMany } from 'idb-keyval';
import type { ScanRecord } from '../../../../src/common/permits/index.ts';
import type { paths } from '../../api/openapi';

/**
 * What the gate device keeps in IndexedDB (through idb-keyval), so that it
 * checks permits with no network and survives a reload: which gate it is,
 * the gate's configuration (public keys, limits), the platform's time at the
 * last sync, the revocation list (up to 16 MB as one byte array), the day's
 * expected permits (for typed codes), the permits admitted here, the scans
 * waiting for upload and the last upload's reconciliation.
 */
export type GateConfig = paths['/api/v1/permits/gates/{gateId}/config']['get']['responses']['200']['content']['application/json'];
export type UploadAnswer = paths['/api/v1/permits/gates/{gateId}/scans']['post']['responses']['200']['content']['application/json'];

export interface GateState {
  device: { deviceId: string; gateId: string } | null;
  config: GateConfig | null;
  /** The platform's time (ms) at the last complete sync, and how far the device's clock was from it then. */
  sync: { serverMs: number; skewMs: number } | null;
  revocations: { entries: Uint8Array; seq: number; issuedAt: number } | null;
  expected: { days: string[]; permits: { code: string; token: string }[] } | null;
  /** Permits admitted on this device: hex id → platform time (ms). */
  used: [string, number][];
  queue: ScanRecord[];
  lastUpload: { at: number; sent: number; results: UploadAnswer['results']; doubles: UploadAnswer['doubles'] } | null;
}

const keys = ['device', 'config', 'sync', 'revocations', 'expected', 'used', 'queue', 'lastUpload'] as const satisfies readonly (keyof GateState)[];
const store = () => createStore('manasik-gate', 'state');

export async function loadGate(): Promise<GateState> {
  const s = store();
  const values = await Promise.all(keys.map((k) => get(k, s)));
  const v = Object.fromEntries(keys.map((k, i) => [k, values[i]])) as Partial<GateState>;
  return {
    device: v.device ?? null, config: v.config ?? null, sync: v.sync ?? null, revocations: v.revocations ?? null,
    expected: v.expected ?? null, used: v.used ?? [], queue: v.queue ?? [], lastUpload: v.lastUpload ?? null,
  };
}

/** Writes the parts given, together (one IndexedDB transaction). */
export async function saveGate(parts: Partial<GateState>): Promise<void> {
  await setMany(Object.entries(parts), store());
}

/** Another gate for this device: everything but the device's id is forgotten. */
export async function forgetGate(): Promise<void> {
  const s = store();
  await Promise.all(keys.filter((k) => k !== 'device').map((k) => del(k, s)));
}
