import { expect } from 'vitest';
import type { TestApp } from './harness.ts';

/**
 * Ramadan 1448H runs from 2027-02-08 to 2027-03-08 (Umm al-Qura). The clock is
 * set a week before the month; windows are released three weeks before their day
 * (so days up to 2027-02-22 are open, later ones not yet released).
 */
export const ramadan = { year: 1448, month: 9, first: '2027-02-08', last: '2027-03-08' };
export const beforeRamadan = '2027-02-01T08:00:00Z';

let serial = 0;

export function permitFixtures(t: TestApp) {
  const api = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers: { 'accept-language': 'en', ...headers }, ...(payload !== undefined ? { payload: payload as object } : {}) });

  /** A site with both sections, gates 1 (men) and 2 (women) and 3 (both), a template, windows over `range`, and rules. */
  async function site(officer: Record<string, string>, o: { code: string; kind: 'umrah' | 'rawdah'; capacity: number; windowMinutes: number; hours: { from: number; to: number }[]; maxGroup?: number; rules?: unknown[]; penalties?: unknown[]; range?: unknown; release?: unknown }) {
    const created = await api('POST', '/permits/sites', officer, {
      code: o.code, kind: o.kind, nameAr: o.kind === 'rawdah' ? 'الروضة الشريفة' : 'المسجد الحرام', nameEn: o.kind === 'rawdah' ? 'The Rawdah' : 'The Grand Mosque',
      maxGroup: o.maxGroup ?? 4, offerMinutes: 15, cancelLeadMinutes: 120, gateMaxOfflineMinutes: 360,
      sections: [{ section: 'men', hours: o.hours }, { section: 'women', hours: o.hours }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const siteId = created.json().id as string;
    for (const [number, sections] of [[1, ['men']], [2, ['women']], [3, ['men', 'women']]] as const) {
      const g = await api('POST', `/permits/sites/${siteId}/gates`, officer, { number, nameAr: `باب ${number}`, nameEn: `Gate ${number}`, sections });
      expect(g.statusCode, g.body).toBe(201);
    }
    const template = await api('POST', `/permits/sites/${siteId}/templates`, officer, { name: 'Ramadan', windowMinutes: o.windowMinutes, capacity: o.capacity, earlyGraceMinutes: 10, lateGraceMinutes: 10 });
    expect(template.statusCode, template.body).toBe(201);
    const generated = await api('POST', `/permits/sites/${siteId}/windows/generate`, officer, {
      templateId: template.json().id, range: o.range ?? { calendar: 'hijri_month', year: ramadan.year, month: ramadan.month }, release: o.release ?? { daysBefore: 21, atMinute: 600 },
    });
    expect(generated.statusCode, generated.body).toBe(200);
    if (o.rules || o.penalties) {
      const r = await api('PUT', `/permits/sites/${siteId}/rules`, officer, { rules: o.rules ?? [], penalties: o.penalties ?? [] });
      expect(r.statusCode, r.body).toBe(200);
    }
    const facts = (await api('GET', `/permits/sites/${siteId}`, {})).json() as { gates: { id: string; number: number }[] };
    return { siteId, templateId: template.json().id as string, generated: generated.json() as { created: number; windows: number }, gates: new Map(facts.gates.map((g) => [g.number, g.id])) };
  }

  /** The windows of a site on a day, one section. */
  async function windows(siteId: string, day: string, section: 'men' | 'women', headers: Record<string, string> = {}) {
    const res = await api('GET', `/permits/sites/${siteId}/windows?date=${day}&section=${section}`, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; startsAt: string; state: string; remaining: number; text: string; allowedActions: string[] }[];
  }

  /** A pilgrim who proved a passport (male for odd last digits, female for even) and companions. */
  async function pilgrim(gender: 'male' | 'female' = 'male', companions: ('male' | 'female')[] = []) {
    const p = await t.signInAs('pilgrim');
    const doc = (g: 'male' | 'female') => {
      const n = ++serial * 2 + (g === 'male' ? 1 : 0);
      return `P${String(n).padStart(7, '0')}`;
    };
    const verify = async (number: string, self: boolean) => {
      const res = await api('POST', '/me/permit-people', p.headers, { kind: 'passport', number, nationality: 'FR', visaNumber: '6000000123', self });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const number = doc(gender);
    const self = await verify(number, true);
    const others = [];
    for (const g of companions) others.push(await verify(doc(g), false));
    return { ...p, number, self, people: [self, ...others], verify };
  }

  return { api, site, windows, pilgrim };
}
