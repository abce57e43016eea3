/** Every role an account can hold. Staff roles are granted by a ministry admin. */
export const roles = [
  'pilgrim',
  'provider_staff',
  'ministry_officer',
  'ministry_admin',
  'mission_officer',
  'gate_officer',
  'statistics_officer',
  'care_agent',
  'field_inspector',
] as const;
export type Role = (typeof roles)[number];
export const staffRoles = roles.filter((r): r is Exclude<Role, 'pilgrim'> => r !== 'pilgrim');
