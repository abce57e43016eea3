import type { Locale } from '../common/i18n.ts';
import type { Role } from '../core/principal.ts';

/** One password for every demo account, printed at start: demo data only, never production. */
export const DEMO_PASSWORD = 'manasik-demo-1447';

export interface DemoAccount {
  email: string;
  displayName: string;
  role: Role;
  locale: Locale;
  countryCode?: string;
}

/** Believable demo people: one per role, pilgrims from countries of the direct programme. */
export const demoAccounts: DemoAccount[] = [
  { email: 'admin@manasik.demo', displayName: 'مدير المنصة', role: 'ministry_admin', locale: 'ar' },
  { email: 'officer@manasik.demo', displayName: 'Khalid Al-Otaibi', role: 'ministry_officer', locale: 'ar' },
  { email: 'mission.fr@manasik.demo', displayName: 'Mission de France', role: 'mission_officer', locale: 'en', countryCode: 'FR' },
  { email: 'mission.gb@manasik.demo', displayName: 'UK Hajj Mission', role: 'mission_officer', locale: 'en', countryCode: 'GB' },
  // Becomes provider staff by applying for the demo provider's licence (see seed.ts).
  { email: 'provider@manasik.demo', displayName: 'Al-Safwa Hajj Services', role: 'provider_staff', locale: 'ar' },
  // Has applied for a licence that waits in the ministry's review queue.
  { email: 'applicant@manasik.demo', displayName: 'Noor Al-Haramain Travel', role: 'provider_staff', locale: 'en' },
  { email: 'care@manasik.demo', displayName: 'Care Centre 1966 — Fatimah', role: 'care_agent', locale: 'ar' },
  { email: 'inspector@manasik.demo', displayName: 'Field inspector — Saad', role: 'field_inspector', locale: 'ar' },
  { email: 'gate@manasik.demo', displayName: 'Gate 7 — Rawdah', role: 'gate_officer', locale: 'ar' },
  { email: 'amina@manasik.demo', displayName: 'Amina Diallo', role: 'pilgrim', locale: 'en' },
  { email: 'yusuf@manasik.demo', displayName: 'يوسف بن علي', role: 'pilgrim', locale: 'ar' },
  { email: 'hannah@manasik.demo', displayName: 'Hannah Schmidt', role: 'pilgrim', locale: 'en' },
  { email: 'omar@manasik.demo', displayName: 'Omar Farouk', role: 'pilgrim', locale: 'en' },
  { email: 'maryam@manasik.demo', displayName: 'مريم الحسن', role: 'pilgrim', locale: 'ar' },
];
