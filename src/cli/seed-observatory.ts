import { actingAs, systemContext, type RequestContext } from '../core/principal.ts';
import type { Services } from '../services.ts';

const comments = [
  'The hotel was close to the Haram and the staff were kind.',
  'Buses to Arafat left late; we waited two hours in the heat.',
  'الإرشاد كان ممتازًا والطعام جيد.',
  'Room as promised. The tents in Mina were crowded.',
  '',
];

/**
 * The demo's Voice of the Guest: the first questionnaires; forty departure surveys answered by
 * the demo pilgrims about the licensed provider (so its scorecard shows figures with intervals);
 * a complaint Amina filed about the provider, one the care centre filed for Maryam in Arabic, and
 * the scorecards computed.
 */
export async function seedDemoObservatory(services: Services, provider: RequestContext, ids: Map<string, string>) {
  const { observatory, complaints } = services;
  await observatory.ensureDefaults();
  const providerId = provider.actor!.providerId!;
  const pilgrims = ['amina@manasik.demo', 'yusuf@manasik.demo', 'hannah@manasik.demo', 'omar@manasik.demo', 'maryam@manasik.demo'].flatMap((e) => (ids.has(e) ? [{ email: e, id: ids.get(e)! }] : []));
  if (!pilgrims.length) return;
  const invitees = pilgrims.flatMap((p, i) => Array.from({ length: 8 }, (_, n) => ({
    accountId: p.id, subject: `demo-season-${n}`, language: i % 2 ? 'ar' : 'en', programme: 'hajj' as const, providerId, packageId: null,
    countryCode: ['FR', 'SA', 'DE', 'GB', 'EG'][i]!, nationalityGroup: i === 1 || i === 4 ? 'arab' : 'europeAmericasOceania',
  })));
  await observatory.inviteNow('season_completed', invitees);
  let n = 0;
  for (const p of pilgrims) {
    const ctx = actingAs(p.id, {}, 'seed');
    for (const s of await observatory.mine(ctx)) {
      const score = [5, 4, 5, 3, 4, 5, 2, 4][n % 8]!;
      await observatory.answerMine(ctx, s.invitationId, { overall: score, housing: Math.max(1, score - (n % 2)), mashair: Math.max(1, score - 1), transport: n % 5 === 1 ? 2 : score, madinah: score, recommend: score >= 4 ? 8 + (n % 3) : 4 + (n % 3), ...(comments[n % 5] ? { comment: comments[n % 5] } : {}) });
      n++;
    }
  }
  const amina = ids.get('amina@manasik.demo');
  if (amina) {
    await complaints.file(actingAs(amina, {}, 'seed'), { about: 'provider', providerId, category: 'transport', severity: 'medium', description: 'The bus from Muzdalifah to Mina came three hours late and there was no water on board.', place: 'Muzdalifah, gathering point 12' });
  }
  const maryam = ids.get('maryam@manasik.demo');
  const agent = ids.get('care@manasik.demo');
  if (maryam && agent) {
    await complaints.file(actingAs(agent, { role: 'care_agent' }, 'seed'), { about: 'platform', category: 'platform', severity: 'low', description: 'لم يصلني رابط الاستبيان على البريد، اتصلت بالرقم 1966.', callerEmail: 'maryam@manasik.demo', language: 'ar' });
  }
  await observatory.computeScorecards(systemContext('seed'));
}
