import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

// A real 1×1 PNG, the start of a PDF, and a Windows program pretending to be a photo.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

function multipart(bytes: Buffer, filename = 'scan.png', contentType = 'image/png', field = 'file') {
  const boundary = '----manasik-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const profile = {
  residenceCountry: 'FR',
  nationality: 'FR',
  givenNamesLatin: 'Amina',
  familyNameLatin: 'Diallo',
  fullNameArabic: 'أمينة ديالو',
  dateOfBirth: '1985-04-12',
  gender: 'female',
  passportNumber: '19AB 12345',
  passportExpiry: '2031-01-01',
  meningococcalVaccination: '2026-09-01',
};

async function pilgrimWithProfile(overrides: Partial<typeof profile> = {}) {
  const p = await t.signInAs('pilgrim');
  const res = await t.app.inject({ method: 'PUT', url: '/api/v1/pilgrim/profile', headers: p.headers, payload: { ...profile, passportNumber: `P${Math.random().toString().slice(2, 10)}`, ...overrides } });
  expect(res.statusCode, res.body).toBe(200);
  return p;
}

async function upload(headers: Record<string, string>, type: string, bytes: Buffer, filename?: string, contentType?: string) {
  const body = multipart(bytes, filename, contentType);
  return t.app.inject({ method: 'POST', url: `/api/v1/pilgrim/documents/${type}`, headers: { ...headers, ...body.headers, 'accept-language': 'en' }, payload: body.payload });
}

describe('pilgrim profile', () => {
  it('saves a profile and shows which steps wait for documents (applying never does)', async () => {
    const p = await t.signInAs('pilgrim');
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/pilgrim/profile', headers: p.headers, payload: profile });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().profile).toMatchObject({ residenceCountry: 'FR', passportNumber: '19AB 12345', version: 1 });
    expect(res.json().blockedSteps).toEqual({ accept_offer: ['passport_scan', 'photo'], visa: ['passport_scan', 'photo', 'residence_proof', 'vaccination_certificate'] });
    expect(JSON.stringify(await t.services.audit.query({ subjectId: p.accountId, limit: 5 }))).not.toContain('12345');
  });

  it('refuses the same passport on a second account, however it is typed', async () => {
    const other = await t.signInAs('pilgrim');
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/pilgrim/profile', headers: other.headers, payload: { ...profile, passportNumber: '19ab-12345' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('pilgrim.passport_taken');
  });

  it('refuses a residence outside the programme and names the country', async () => {
    const p = await t.signInAs('pilgrim');
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/pilgrim/profile', headers: { ...p.headers, 'accept-language': 'en' }, payload: { ...profile, residenceCountry: 'SA', passportNumber: 'ZZ99999' } });
    expect(res.json()).toMatchObject({ code: 'pilgrim.residence_not_in_programme', title: 'Residents of SA are not served by the direct programme this season.' });
  });

  it.each([
    [{ givenNamesLatin: 'أمينة' }, '/body/givenNamesLatin'],
    [{ fullNameArabic: 'Amina' }, '/body/fullNameArabic'],
    [{ dateOfBirth: '1985-02-30' }, '/body/dateOfBirth'],
    [{ passportNumber: '<script>' }, '/body/passportNumber'],
    [{ gender: 'other' }, '/body/gender'],
  ])('refuses %j with the field named', async (patch, pointer) => {
    const p = await t.signInAs('pilgrim');
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/pilgrim/profile', headers: p.headers, payload: { ...profile, ...patch } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
  });

  it('loses no update when two edits race from the same version', async () => {
    const p = await pilgrimWithProfile();
    const send = (patch: object) => t.app.inject({ method: 'PUT', url: '/api/v1/pilgrim/profile', headers: p.headers, payload: { ...profile, passportNumber: 'RACE0001', expectedVersion: 1, ...patch } });
    await t.app.inject({ method: 'PUT', url: '/api/v1/pilgrim/profile', headers: p.headers, payload: { ...profile, passportNumber: 'RACE0001', expectedVersion: 1 } });
    const current = (await t.app.inject({ url: '/api/v1/pilgrim/profile', headers: p.headers })).json().profile.version;
    const [a, b] = await Promise.all([
      send({ familyNameLatin: 'First', expectedVersion: current }),
      send({ familyNameLatin: 'Second', expectedVersion: current }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe('pilgrim.version_conflict');
  });
});

describe('documents', () => {
  it('accepts a PNG photo and a PDF scan, judged by their bytes', async () => {
    const p = await pilgrimWithProfile();
    expect((await upload(p.headers, 'photo', PNG)).statusCode).toBe(201);
    const res = await upload(p.headers, 'passport_scan', PDF, 'passport.pdf', 'application/pdf');
    expect(res.statusCode).toBe(201);
    expect(res.json().documents.map((d: { type: string; status: string; contentType: string }) => [d.type, d.status, d.contentType])).toEqual([
      ['passport_scan', 'pending', 'application/pdf'],
      ['photo', 'pending', 'image/png'],
    ]);
    const id = res.json().documents[0].id;
    const file = await t.app.inject({ url: `/api/v1/documents/${id}/file`, headers: p.headers });
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
  });

  it('refuses a program named .png, a PDF as a photo, an oversized file, and a missing file; stores nothing', async () => {
    const p = await pilgrimWithProfile();
    const before = await t.tableCounts();
    const exe = await upload(p.headers, 'photo', EXE, 'photo.png', 'image/png');
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('document.wrong_type');
    expect((await upload(p.headers, 'photo', PDF, 'photo.pdf', 'application/pdf')).json().code).toBe('document.wrong_type');
    const big = await upload(p.headers, 'passport_scan', Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]), 'big.pdf', 'application/pdf');
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('document.too_large');
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/pilgrim/documents/photo', headers: p.headers, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415); // an upload takes a form, nothing else
    expect(json.json().code).toBe('request.unsupported_media_type');
    const noFile = await t.app.inject({ method: 'POST', url: '/api/v1/pilgrim/documents/photo', headers: { ...p.headers, 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x\r\nContent-Disposition: form-data; name="other"; filename="a.png"\r\n\r\nabc\r\n--x--\r\n' });
    expect(noFile.json().code).toBe('document.missing_file');
    const badType = await upload(p.headers, 'selfie', PNG);
    expect(badType.statusCode).toBe(400);
    expect(await t.tableCounts()).toEqual(before);
  });

  it('another pilgrim cannot read my documents; a ministry reviewer can', async () => {
    const p = await pilgrimWithProfile();
    const id = (await upload(p.headers, 'photo', PNG)).json().documents[0].id;
    const stranger = await t.signInAs('pilgrim');
    expect((await t.app.inject({ url: `/api/v1/documents/${id}/file`, headers: stranger.headers })).statusCode).toBe(404);
    const officer = await t.signInAs('ministry_officer');
    expect((await t.app.inject({ url: `/api/v1/documents/${id}/file`, headers: officer.headers })).statusCode).toBe(200);
  });
});

describe('document review', () => {
  it('approving unblocks the steps that need it; an edit re-opens only the affected document', async () => {
    const p = await pilgrimWithProfile();
    await upload(p.headers, 'photo', PNG);
    await upload(p.headers, 'passport_scan', PDF, 'p.pdf', 'application/pdf');
    await upload(p.headers, 'residence_proof', PDF, 'r.pdf', 'application/pdf');
    const officer = await t.signInAs('ministry_officer');
    const mine = (await t.app.inject({ url: '/api/v1/documents/review-queue?limit=200', headers: officer.headers })).json().filter((d: { accountId: string }) => d.accountId === p.accountId);
    expect(mine).toHaveLength(3);
    for (const d of mine) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/documents/${d.id}/review`, headers: officer.headers, payload: { decision: 'approve' } });
      expect(res.statusCode).toBe(204);
    }
    let view = (await t.app.inject({ url: '/api/v1/pilgrim/profile', headers: p.headers })).json();
    expect(view.blockedSteps).toEqual({ visa: ['vaccination_certificate'] });

    // Moving house re-opens the proof of residence, and only it: the offer is not blocked again.
    const version = view.profile.version;
    await t.app.inject({ method: 'PUT', url: '/api/v1/pilgrim/profile', headers: p.headers, payload: { ...view.profile, residenceCountry: 'GB', expectedVersion: version, version: undefined } });
    view = (await t.app.inject({ url: '/api/v1/pilgrim/profile', headers: p.headers })).json();
    expect(Object.fromEntries(view.documents.map((d: { type: string; status: string }) => [d.type, d.status]))).toEqual({
      passport_scan: 'approved', photo: 'approved', residence_proof: 'pending',
    });
    expect(view.blockedSteps.accept_offer).toBeUndefined();
  });

  it('a rejection carries its reason to the pilgrim by email; a document is reviewed once', async () => {
    const p = await pilgrimWithProfile();
    const id = (await upload(p.headers, 'photo', PNG)).json().documents[0].id;
    const officer = await t.signInAs('ministry_officer');
    await t.app.inject({ method: 'POST', url: `/api/v1/documents/${id}/review`, headers: officer.headers, payload: { decision: 'reject', reason: 'The face is not visible' } });
    const [mail] = await t.services.notifications.mailbox(p.email);
    expect(mail?.text).toContain('The face is not visible');
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/documents/${id}/review`, headers: officer.headers, payload: { decision: 'approve' } });
    expect(again.json().code).toBe('document.already_reviewed');
    const pilgrimTries = await t.app.inject({ method: 'POST', url: `/api/v1/documents/${id}/review`, headers: p.headers, payload: { decision: 'approve' } });
    expect(pilgrimTries.statusCode).toBe(403);
  });
});
