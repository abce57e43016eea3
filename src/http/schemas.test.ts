import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { CreateStaffBody } from '../modules/accounts/index.ts';
import { PackageBody } from '../modules/catalogue/index.ts';
import { samplePackage } from '../modules/catalogue/index.ts';
import { StringEnum } from '../common/schemas/kit.ts';

/** The web forms validate with TypeBox's own checker: every schema kind must be known to it. */
describe('shared schemas under TypeBox Value (as the web forms use them)', () => {
  it('checks a string enum', () => {
    const schema = StringEnum(['a', 'b'] as const);
    expect(Value.Check(schema, 'a')).toBe(true);
    expect(Value.Check(schema, 'c')).toBe(false);
  });

  it('checks a whole package and a staff form without throwing', () => {
    expect([...Value.Errors(PackageBody, samplePackage())]).toEqual([]);
    expect([...Value.Errors(PackageBody, { ...samplePackage(), minaCamp: 'E' })].length).toBeGreaterThan(0);
    expect(Value.Check(CreateStaffBody, { email: 'a@b.org', displayName: 'A', role: 'gate_officer' })).toBe(true);
    expect(Value.Check(CreateStaffBody, { email: 'not-an-email', displayName: 'A', role: 'gate_officer' })).toBe(false);
    expect(Value.Check(CreateStaffBody, { email: 'a@b.org', displayName: 'A', role: 'emperor' })).toBe(false);
  });
});
