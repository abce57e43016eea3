import type { Terms } from './errors.ts';

/** The names of the roles, for messages that mention one. */
export const roleTerms: Terms = {
  pilgrim: { en: 'pilgrim', ar: 'حاج' },
  provider_staff: { en: 'provider staff', ar: 'موظف مقدم خدمة' },
  ministry_officer: { en: 'ministry officer', ar: 'موظف الوزارة' },
  ministry_admin: { en: 'ministry admin', ar: 'مدير في الوزارة' },
  mission_officer: { en: 'mission officer', ar: 'موظف البعثة' },
  gate_officer: { en: 'gate officer', ar: 'موظف البوابة' },
  statistics_officer: { en: 'border and statistics officer', ar: 'موظف المنافذ والإحصاء' },
  care_agent: { en: 'care-centre agent', ar: 'موظف مركز العناية' },
  field_inspector: { en: 'field inspector', ar: 'مفتش ميداني' },
};
