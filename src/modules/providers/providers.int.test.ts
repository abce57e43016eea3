import { systemContext } from '../../core/principal.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { sampleApplication } from './fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const post = (url: string, headers: Record<string, string>, payload: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload: payload as object });

describe('licence applications', () => {
  it('a registered person applies and becomes the owner of a pending provider', async () => {
    const applicant = await t.signInAs('pilgrim');
    const application = sampleApplication();
    const res = await post('/providers', applicant.headers, application);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'pending', mayTrade: false, crNumber: application.crNumber });
    const me = await t.app.inject({ url: '/api/v1/me', headers: applicant.headers });
    expect(me.json()).toMatchObject({ role: 'provider_staff', providerId: res.json().id });
    const staff = await t.app.inject({ url: `/api/v1/providers/${res.json().id}/staff`, headers: applicant.headers });
    expect(staff.json()).toEqual([expect.objectContaining({ role: 'owner', email: applicant.email })]);
  });

  it('refuses a duplicate commercial registration or licence number, writing nothing', async () => {
    const first = sampleApplication();
    expect((await post('/providers', (await t.signInAs('pilgrim')).headers, first)).statusCode).toBe(201);
    for (const clash of [{ crNumber: first.crNumber }, { licenceNumber: first.licenceNumber }]) {
      const other = await t.signInAs('pilgrim');
      const before = await t.tableCounts();
      const res = await post('/providers', { ...other.headers, 'accept-language': 'en' }, sampleApplication(clash));
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('provider.duplicate_registration');
      expect(await t.tableCounts()).toEqual(before);
    }
  });

  it('refuses absurd applications with the field named', async () => {
    const applicant = await t.signInAs('pilgrim');
    for (const [patch, pointer] of [
      [{ paidUpCapital: -1 }, '/body/paidUpCapital'],
      [{ crNumber: '12AB' }, '/body/crNumber'],
      [{ offices: [] }, '/body/offices'],
      [{ contacts: [{ name: 'x', email: 'not-an-email', phone: '+966' }] }, '/body/contacts/0/email'],
    ] as const) {
      const res = await post('/providers', applicant.headers, sampleApplication(patch as never));
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
  });

  it('only a personal account may apply: staff cannot', async () => {
    const officer = await t.signInAs('ministry_officer');
    expect((await post('/providers', officer.headers, sampleApplication())).statusCode).toBe(403);
  });
});

describe('ministry decisions', () => {
  it('approves with licence dates; the provider appears in the public approved list; the owner is told', async () => {
    const { providerId, owner } = await t.createLicensedProvider({ status: 'pending' });
    const officer = await t.signInAs('ministry_officer');
    const queue = await t.app.inject({ url: '/api/v1/providers?status=pending', headers: officer.headers });
    expect(queue.json().map((p: { id: string }) => p.id)).toContain(providerId);

    const badDates = await post(`/providers/${providerId}/approve`, officer.headers, { validFrom: '2026-06-01', validTo: '2026-05-01' });
    expect(badDates.json().code).toBe('provider.invalid_licence_dates');

    const res = await post(`/providers/${providerId}/approve`, officer.headers, { validFrom: '2026-01-01', validTo: '2027-12-31' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'licensed', mayTrade: true, licenceValidTo: '2027-12-31' });
    const approved = await t.app.inject({ url: '/api/v1/providers/approved' });
    expect(approved.json().map((p: { id: string }) => p.id)).toContain(providerId);
    expect(approved.json()[0]).not.toHaveProperty('bankGuaranteeRef');

    const mail = await t.services.notifications.mailbox(owner.email);
    expect(mail[0]?.template).toBe('provider.licensed');
    const events = await t.db.kysely.selectFrom('domain_events').selectAll().where('provider_id', '=', providerId).execute();
    expect(events.map((e) => e.type)).toEqual(['provider.licensed']);
    const audit = await t.services.audit.query({ subjectId: providerId, limit: 10 });
    expect(audit.items.map((i) => i.action)).toEqual(expect.arrayContaining(['provider.applied', 'provider.licensed']));
  });

  it('rejects with a reason; a rejected provider cannot then be suspended', async () => {
    const { providerId } = await t.createLicensedProvider({ status: 'pending' });
    const officer = await t.signInAs('ministry_officer');
    expect((await post(`/providers/${providerId}/reject`, officer.headers, {})).statusCode).toBe(400);
    const res = await post(`/providers/${providerId}/reject`, officer.headers, { reason: 'Bank guarantee not verifiable' });
    expect(res.json()).toMatchObject({ status: 'rejected', decisionReason: 'Bank guarantee not verifiable' });
    const again = await post(`/providers/${providerId}/suspend`, { ...officer.headers, 'accept-language': 'en' }, { reason: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('provider.transition_not_allowed');
  });

  it('suspends and reinstates: the provider leaves and rejoins the approved list', async () => {
    const { providerId } = await t.createLicensedProvider();
    const officer = await t.signInAs('ministry_officer');
    await post(`/providers/${providerId}/suspend`, officer.headers, { reason: 'Complaints under investigation' });
    let approved = await t.app.inject({ url: '/api/v1/providers/approved' });
    expect(approved.json().map((p: { id: string }) => p.id)).not.toContain(providerId);
    await post(`/providers/${providerId}/reinstate`, officer.headers, {});
    approved = await t.app.inject({ url: '/api/v1/providers/approved' });
    expect(approved.json().map((p: { id: string }) => p.id)).toContain(providerId);
    const events = await t.db.kysely.selectFrom('domain_events').select('type').where('provider_id', '=', providerId).orderBy('id').execute();
    expect(events.map((e) => e.type)).toEqual(['provider.licensed', 'provider.suspended', 'provider.reinstated']);
  });

  it('a licence outside its dates does not trade', async () => {
    const { providerId } = await t.createLicensedProvider({ status: 'pending' });
    await t.services.workflows.decideLicence(systemContext('x'), providerId, 'approve', { validFrom: '2026-01-01', validTo: '2026-03-01' });
    const officer = await t.signInAs('ministry_officer');
    const res = await t.app.inject({ url: `/api/v1/providers/${providerId}`, headers: officer.headers });
    expect(res.json()).toMatchObject({ status: 'licensed', mayTrade: false }); // the test clock reads 2026-05-01
  });
});

describe('provider staff', () => {
  it('the owner invites a manager and an agent; an agent cannot invite', async () => {
    const { providerId, owner } = await t.createLicensedProvider();
    const res = await post(`/providers/${providerId}/staff`, owner.headers, { email: 'agent.one@example.org', displayName: 'Agent One', role: 'agent' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ role: 'provider_staff', providerId, memberRole: 'agent' });
    const token = /token=([\w-]+)/.exec((await t.services.notifications.mailbox('agent.one@example.org'))[0]!.text)![1];
    await post('/auth/password-reset/confirm', {}, { token, password: 'agent one passphrase' });
    const agent = await post('/auth/tokens', {}, { email: 'agent.one@example.org', password: 'agent one passphrase' });
    const agentHeaders = { authorization: `Bearer ${agent.json().token}` };
    const refused = await post(`/providers/${providerId}/staff`, agentHeaders, { email: 'x2@example.org', displayName: 'X', role: 'agent' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('provider.member_role_required');
    const list = await t.app.inject({ url: `/api/v1/providers/${providerId}/staff`, headers: agentHeaders });
    expect(list.json().map((m: { role: string }) => m.role)).toEqual(['owner', 'agent']);
  });

  it("staff never see another provider's data", async () => {
    const a = await t.createLicensedProvider();
    const b = await t.createLicensedProvider();
    const peek = await t.app.inject({ url: `/api/v1/providers/${b.providerId}`, headers: a.owner.headers });
    expect(peek.statusCode).toBe(404);
    const staff = await t.app.inject({ url: `/api/v1/providers/${b.providerId}/staff`, headers: a.owner.headers });
    expect(staff.statusCode).toBe(403);
    const invite = await post(`/providers/${b.providerId}/staff`, a.owner.headers, { email: 'spy@example.org', displayName: 'Spy', role: 'manager' });
    expect(invite.statusCode).toBe(403);
  });
});
