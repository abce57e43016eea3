import { describe, expect, it } from 'vitest';
import { simulatedVisaRegistry } from './visa-registry.ts';

const registry = simulatedVisaRegistry();
const today = '2027-01-15';

describe('the simulated visa registry', () => {
  it.each([
    ['a citizen by national ID', { kind: 'national_id', number: '1012345671' }, { status: 'valid', person: { nationality: 'SA', gender: 'male' } }],
    ['a resident by iqama', { kind: 'iqama', number: '2031234562' }, { status: 'valid', person: { gender: 'female' } }],
    ['an expired iqama', { kind: 'iqama', number: '2031234000' }, { status: 'expired' }],
    ['a visitor with an Umrah visa', { kind: 'passport', number: 'FR1234567', nationality: 'FR', visaNumber: '6000000123' }, { status: 'valid', person: { nationality: 'FR', visaType: 'umrah', gender: 'male' } }],
    ['a visitor with a work visa', { kind: 'passport', number: 'FR1234567', nationality: 'FR', visaNumber: '9000000123' }, { status: 'wrong_visa_type', visaType: 'work' }],
    ['an expired visa', { kind: 'passport', number: 'FR1234567', nationality: 'FR', visaNumber: '6000000000' }, { status: 'expired' }],
    ['a visa of another passport', { kind: 'passport', number: 'X1234567', nationality: 'FR', visaNumber: '6000000123' }, { status: 'mismatch' }],
    ['a national ID of the wrong shape', { kind: 'national_id', number: '2012345671' }, { status: 'not_found' }],
  ] as const)('answers %s', async (_n, proof, expected) => expect(await registry.lookup(proof, today)).toMatchObject(expected));

  it('answers the same number the same way every time', async () => {
    expect(await registry.lookup({ kind: 'iqama', number: '2031234562' }, today)).toEqual(await registry.lookup({ kind: 'iqama', number: '2031234562' }, today));
  });
});
