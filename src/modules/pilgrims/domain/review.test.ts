import { describe, expect, it } from 'vitest';
import { blockedSteps, documentsToRecheck, passportKey, type DocumentType, type ProfileField } from './review.ts';

describe('documentsToRecheck: an edit re-opens only what it affects', () => {
  it.each<[ProfileField[], DocumentType[]]>([
    [['residenceCountry'], ['residence_proof']],
    [['passportExpiry'], ['passport_scan']],
    [['meningococcalVaccination'], ['vaccination_certificate']],
    [['fullNameArabic'], []],
    [['healthConditions'], []],
    [['dateOfBirth', 'residenceCountry'], ['passport_scan', 'residence_proof']],
    [[], []],
  ])('editing %j re-opens %j', (changed, expected) => expect(documentsToRecheck(changed)).toEqual(expected));
});

describe('blockedSteps: a step waits only for the documents it needs', () => {
  it.each<[DocumentType[], object]>([
    [[], { accept_offer: ['passport_scan', 'photo'], visa: ['passport_scan', 'photo', 'residence_proof', 'vaccination_certificate'] }],
    [['passport_scan', 'photo'], { visa: ['residence_proof', 'vaccination_certificate'] }],
    [['passport_scan', 'photo', 'residence_proof', 'vaccination_certificate'], {}],
  ])('with %j approved: %j', (approved, expected) => expect(blockedSteps(new Set(approved))).toEqual(expected));

  it('never blocks applying or ranking packages on a review', () => {
    const blocked = blockedSteps(new Set());
    expect(blocked.apply).toBeUndefined();
    expect(blocked.rank_packages).toBeUndefined();
  });
});

describe('passportKey', () => {
  it.each([
    ['fr', 'ab 123-456', 'FR:AB123456'],
    ['FR', 'AB123456', 'FR:AB123456'],
    ['GB', 'AB123456', 'GB:AB123456'],
  ])('%s %s → %s', (nationality, number, key) => expect(passportKey(nationality, number)).toBe(key));
});
