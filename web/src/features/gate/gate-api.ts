import { call, client, ProblemError, toProblem } from '../../api/client.ts';
import type { GateApi } from './gate-device.ts';

/** The device's requests through the generated client (the revocation list as bytes). */
export const gateApi: GateApi = {
  config: (gateId) => call(client.GET('/api/v1/permits/gates/{gateId}/config', { params: { path: { gateId } } })),
  revocations: async (since) => {
    const { data, error } = await client.GET('/api/v1/permits/revocations', { params: { query: since === undefined ? {} : { since } }, parseAs: 'arrayBuffer' });
    if (error !== undefined) throw new ProblemError(toProblem(error));
    return new Uint8Array(data as unknown as ArrayBuffer);
  },
  expected: (gateId, date) => call(client.GET('/api/v1/permits/gates/{gateId}/expected', { params: { path: { gateId }, query: { date } } })),
  upload: (gateId, deviceId, scans) => call(client.POST('/api/v1/permits/gates/{gateId}/scans', {
    params: { path: { gateId } },
    body: { deviceId, scans: scans.map((s) => ({ nonce: s.nonce, token: s.token, verdict: s.verdict, scannedAt: new Date(s.scannedAt).toISOString(), deviceAt: new Date(s.deviceAt).toISOString() })) },
  })),
};
