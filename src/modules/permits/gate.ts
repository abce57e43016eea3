import { sql } from 'kysely';
import { AppError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { riyadhMidnight, addDays } from '../../core/dates.ts';
import type { RequestContext } from '../../core/principal.ts';
import { writeAudit } from '../audit/index.ts';
import { shortCode, uuidToBytes } from '../../common/permits/bytes.ts';
import { checkPermit, reconcile, type Admission, type GateKey, type GateVerdict } from '../../common/permits/gate.ts';
import { gateText } from '../../common/permits/messages.ts';
import { RevocationList } from '../../common/permits/revocations.ts';
import { decodeToken } from '../../common/permits/token.ts';
import type { PermitContext, SiteFacts } from './context.ts';
import { gatePolicy } from './policies.ts';

const permitIdOf = (token: string) => {
  const d = decodeToken(token);
  return d?.type === 'permit' ? d.claim.permitId : null;
};

export interface ScanUpload {
  nonce: string;
  token: string;
  verdict: string;
  /** The platform's time as the device knew it (ISO). */
  scannedAt: string;
  deviceAt?: string | undefined;
}

/**
 * The gates' side: what a gate device syncs (its site, gate, the public keys
 * with how long each vouches, the revocation list's number, today's expected
 * permits), the turnstile check-in by API, and scans uploaded by devices that
 * were offline, reconciled when two devices admitted one permit.
 */
export function gateUseCases(c: PermitContext) {
  const { db, clock } = c;

  async function gateOf(gateId: string): Promise<{ site: SiteFacts; gate: SiteFacts['gates'][number] }> {
    const g = await c.config.gate(db.kysely, gateId);
    const site = g && (await c.site(g.site_id));
    const gate = site?.gates.find((x) => x.id === gateId);
    if (!site || !gate) throw new AppError('permit.gate_not_found');
    return { site, gate };
  }

  /**
   * The public keys as a gate uses them: the active key, and each retired key with the
   * moment after which it vouches for nothing (the end of the last window, with its late
   * grace, of a valid permit it signed; its retirement if it signed none still valid).
   */
  async function gateKeys(): Promise<(GateKey & { publicKey: string; status: 'active' | 'retired' })[]> {
    const keys = await c.deps.signing.publicKeys();
    const last = await sql<{ key_id: number; until: Date }>`
      select p.key_id, max(p.ends_at + w.late_grace_minutes * interval '1 minute') as until
      from permits p join permit_windows w on w.id = p.window_id where p.status = 'valid' group by p.key_id`.execute(db.kysely);
    const until = new Map(last.rows.map((r) => [Number(r.key_id), new Date(r.until)]));
    return keys.map((k) => ({
      keyId: k.keyId, publicKey: k.publicKey, status: k.status,
      notAfter: k.status === 'active' ? null : Math.floor(Math.max(until.get(k.keyId)?.getTime() ?? 0, new Date(k.retiredAt!).getTime()) / 1000),
    }));
  }

  /** The server's own check: signature and key, site, gate, section, window; revocation and single use come from the permit's row. */
  async function serverVerdict(gate: { site: SiteFacts; gate: SiteFacts['gates'][number] }, token: string, nowMs: number): Promise<GateVerdict> {
    const d = decodeToken(token);
    const keys = await gateKeys();
    const verify = await c.deps.signing.checker(d ? [d.claim.keyId] : []);
    const memory = { keys: new Map(keys.map((k) => [k.keyId, k])), verify, revocations: new RevocationList(), used: new Map(), syncedAt: nowMs, maxOfflineMs: Infinity };
    return checkPermit(memory, { site: gate.site.number, gate: gate.gate.number, sections: gate.gate.sections }, token, nowMs, { online: true });
  }

  return {
    /** What a gate device caches to work offline (and the platform's time, which it uses instead of its own clock). */
    async config(ctx: RequestContext, gateId: string) {
      gatePolicy.assert(ctx, 'sync', null);
      const { site, gate } = await gateOf(gateId);
      const head = Number((await sql<{ n: number | null }>`select max(seq) as n from permit_revocations`.execute(db.kysely)).rows[0]?.n ?? 0);
      return {
        serverTime: clock.now().toISOString(),
        site: { id: site.id, code: site.code, number: site.number, name: site.name },
        gate: { id: gate.id, number: gate.number, name: gate.name, sections: gate.sections },
        maxOfflineMinutes: site.gateMaxOfflineMinutes,
        keys: (await gateKeys()).map((k) => ({ ...k, notAfter: k.notAfter === null ? null : new Date(k.notAfter * 1000).toISOString() })),
        revocations: { seq: head },
      };
    },

    /** The valid permits whose window is on `day` (Saudi date) in a section this gate admits: for typed codes and a faster offline check. */
    async expected(ctx: RequestContext, gateId: string, day: string) {
      gatePolicy.assert(ctx, 'sync', null);
      const { site, gate } = await gateOf(gateId);
      const from = riyadhMidnight(day);
      const rows = await db.kysely.selectFrom('permits').select(['id', 'token', 'starts_at']).where('site_id', '=', site.id).where('section', 'in', gate.sections)
        .where('status', '=', 'valid').where('starts_at', '>=', from).where('starts_at', '<', riyadhMidnight(addDays(day, 1))).orderBy('starts_at').execute();
      return { serverTime: clock.now().toISOString(), day, permits: rows.map((r) => ({ code: shortCode(uuidToBytes(r.id)), token: r.token })) };
    },

    /**
     * Checks a permit in at a gate, online (turnstiles, and the app when connected): the full
     * offline check, then single use by one conditional update of the permit's row.
     */
    async checkIn(ctx: RequestContext, input: { gateId: string; token: string; deviceId?: string | undefined }) {
      gatePolicy.assert(ctx, 'check_in', null);
      const g = await gateOf(input.gateId);
      const now = clock.now();
      let verdict = await serverVerdict(g, input.token, now.getTime());
      let permitId: string | null = verdict.claim?.permitId ?? null;
      if (verdict.ok) {
        verdict = await db.kysely.transaction().execute(async (trx) => {
          const done = await trx.updateTable('permits').set({ status: 'checked_in', checked_in_at: now, checked_in_gate: g.gate.number, checked_in_device: input.deviceId ?? 'api' })
            .where('id', '=', permitId!).where('status', '=', 'valid').returning(['id', 'booking_id', 'site_id', 'window_id', 'section', 'member_index', 'starts_at', 'ends_at']).executeTakeFirst();
          if (!done) {
            const row = await trx.selectFrom('permits').select(['status', 'checked_in_at']).where('id', '=', permitId!).executeTakeFirst();
            if (row?.status === 'checked_in') return { ok: false as const, code: 'already_used' as const, claim: verdict.claim, usedAt: row.checked_in_at!.getTime() };
            return { ok: false as const, code: row?.status === 'no_show' ? 'too_late' as const : 'revoked' as const, claim: verdict.claim };
          }
          await trx.updateTable('permit_windows').set((eb) => ({ checked_in: eb('checked_in', '+', 1) })).where('id', '=', done.window_id).execute();
          await writeAudit(trx, clock, ctx, { action: 'permit.checked_in', subjectType: 'permit', subjectId: done.id, data: { gate: g.gate.number, device: input.deviceId ?? 'api' } });
          await c.publish(trx, [c.permitEvent('permit.checked_in', done, { gate: g.gate.number })]);
          return verdict;
        });
      }
      const claim = verdict.claim;
      permitId = claim?.permitId ?? null;
      return {
        admit: verdict.ok, code: verdict.code, message: gateText(verdict, ctx.locale), serverTime: now.toISOString(),
        permit: claim ? { id: claim.permitId, code: shortCode(uuidToBytes(claim.permitId)), memberIndex: claim.memberIndex, section: claim.section, windowStart: new Date(claim.windowStart * 1000).toISOString(), windowEnd: new Date(claim.windowEnd * 1000).toISOString() } : null,
      };
    },

    /**
     * Scans a device uploads in batches once online. Each counts once (device and nonce);
     * admissions are checked again here (signature, key, site, gate, section, window) and
     * reconciled: per permit the first admission recorded stands and checks it in, every
     * other is a double admission, reported. An admission of a permit revoked before the
     * scan is reported too.
     */
    async uploadScans(ctx: RequestContext, gateId: string, deviceId: string, scans: ScanUpload[]) {
      gatePolicy.assert(ctx, 'check_in', null);
      const g = await gateOf(gateId);
      const now = clock.now();
      const checked = await Promise.all(scans.map(async (s) => ({ s, v: s.verdict === 'admit' ? await serverVerdict(g, s.token, new Date(s.scannedAt).getTime()) : null })));
      return db.kysely.transaction().execute(async (trx) => {
        const fresh = new Set((await trx.insertInto('permit_scans').values(checked.map(({ s }) => ({
          device_id: deviceId, nonce: s.nonce, gate_id: gateId, permit_id: permitIdOf(s.token),
          verdict: s.verdict, outcome: 'refused' as const, scanned_at: new Date(s.scannedAt), device_at: s.deviceAt ? new Date(s.deviceAt) : null, uploaded_at: now, uploaded_by: ctx.actor!.accountId,
        }))).onConflict((oc) => oc.columns(['device_id', 'nonce']).doNothing()).returning('nonce').execute()).map((r) => r.nonce));
        const admitted = checked.filter(({ s, v }) => fresh.has(s.nonce) && v?.ok);
        const outcome = new Map<string, 'checked_in' | 'double' | 'refused' | 'revoked'>(scans.map((s) => [s.nonce, 'refused']));
        const ids = [...new Set(admitted.map(({ v }) => v!.claim!.permitId))];
        const rows = ids.length ? await trx.selectFrom('permits').select(['id', 'status', 'checked_in_at', 'checked_in_device', 'booking_id', 'site_id', 'window_id', 'section', 'member_index', 'starts_at', 'ends_at']).where('id', 'in', ids).orderBy('id').forUpdate().execute() : [];
        const byId = new Map(rows.map((r) => [r.id, r]));
        const recorded = new Map<string, Admission>(rows.filter((r) => r.status === 'checked_in').map((r) => [r.id, { permitId: r.id, deviceId: r.checked_in_device ?? 'api', nonce: '', at: r.checked_in_at!.getTime() }]));
        const uploads = admitted.filter(({ v }) => {
          const r = byId.get(v!.claim!.permitId);
          return r && (r.status === 'valid' || r.status === 'checked_in');
        }).map(({ s, v }) => ({ permitId: v!.claim!.permitId, deviceId, nonce: s.nonce, at: new Date(s.scannedAt).getTime() }));
        for (const { s, v } of admitted) if (!uploads.some((u) => u.nonce === s.nonce) && byId.has(v!.claim!.permitId)) outcome.set(s.nonce, 'revoked');
        const { stands, doubles } = reconcile(recorded, uploads);
        for (const a of stands) {
          const r = byId.get(a.permitId)!;
          await trx.updateTable('permits').set({ status: 'checked_in', checked_in_at: new Date(a.at), checked_in_gate: g.gate.number, checked_in_device: a.deviceId }).where('id', '=', a.permitId).where('status', '=', 'valid').execute();
          await trx.updateTable('permit_windows').set((eb) => ({ checked_in: eb('checked_in', '+', 1) })).where('id', '=', r.window_id).execute();
          await c.publish(trx, [c.permitEvent('permit.checked_in', r, { gate: g.gate.number, offline: true })]);
          outcome.set(a.nonce, 'checked_in');
        }
        for (const d of doubles) {
          if (d.also.deviceId === deviceId) outcome.set(d.also.nonce, 'double');
          await trx.insertInto('permit_double_admissions').values({ id: newId(), permit_id: d.permitId, gate_id: gateId, stood_device: d.stood.deviceId, stood_at: new Date(d.stood.at), also_device: d.also.deviceId, also_nonce: d.also.nonce, also_at: new Date(d.also.at), reported_at: now })
            .onConflict((oc) => oc.columns(['also_device', 'also_nonce']).doNothing()).execute();
        }
        for (const [nonce, o] of outcome) if (fresh.has(nonce) && o !== 'refused') await trx.updateTable('permit_scans').set({ outcome: o }).where('device_id', '=', deviceId).where('nonce', '=', nonce).execute();
        await writeAudit(trx, clock, ctx, { action: 'permit.scans_uploaded', subjectType: 'permit_gate', subjectId: gateId, data: { deviceId, scans: scans.length, new: fresh.size, checkedIn: stands.length, doubles: doubles.length } });
        return {
          serverTime: now.toISOString(),
          acknowledged: scans.map((s) => s.nonce),
          results: scans.map((s) => ({ nonce: s.nonce, outcome: fresh.has(s.nonce) ? outcome.get(s.nonce)! : 'duplicate' as const })),
          doubles: doubles.map((d) => ({ permitId: d.permitId, stood: { deviceId: d.stood.deviceId, at: new Date(d.stood.at).toISOString() }, also: { deviceId: d.also.deviceId, at: new Date(d.also.at).toISOString() } })),
        };
      });
    },

    /** Double admissions reported by uploads, newest first. */
    async doubles(ctx: RequestContext, siteId: string) {
      gatePolicy.assert(ctx, 'read_doubles', null);
      const rows = await db.kysely.selectFrom('permit_double_admissions as d').innerJoin('permit_gates as g', 'g.id', 'd.gate_id').selectAll('d').select('g.number as gate').where('g.site_id', '=', siteId).orderBy('d.reported_at', 'desc').limit(500).execute();
      return rows.map((r) => ({ permitId: r.permit_id, gate: r.gate, stood: { deviceId: r.stood_device, at: r.stood_at.toISOString() }, also: { deviceId: r.also_device, at: r.also_at.toISOString() }, reportedAt: r.reported_at.toISOString() }));
    },
  };
}
