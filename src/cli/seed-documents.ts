import { actingAs } from '../core/principal.ts';
import type { Services } from '../services.ts';

/** A 1×1 PNG and a one-page PDF: enough for the review queue and the document checks, nobody's real papers. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/**
 * Documents in the demo, so the review queue can be tried: Yusuf's photo and
 * passport approved (his family's booking needs them), Amina's photo approved
 * and her passport scan awaiting review, Omar's photo awaiting review.
 */
export async function seedDemoDocuments(services: Services, ids: Map<string, string>) {
  const officerId = ids.get('officer@manasik.demo');
  if (!officerId) return;
  const officer = actingAs(officerId, { role: 'ministry_officer' }, 'seed');
  const upload = async (email: string, type: 'photo' | 'passport_scan', approve: boolean) => {
    const id = ids.get(email);
    if (!id) return;
    const profile = await services.pilgrims.uploadDocument(actingAs(id, {}, 'seed'), type, type === 'photo' ? PNG : PDF);
    const doc = profile.documents.find((d) => d.type === type && d.status === 'pending');
    if (approve && doc) await services.pilgrims.review(officer, doc.id, 'approve', undefined);
  };
  await upload('yusuf@manasik.demo', 'photo', true);
  await upload('yusuf@manasik.demo', 'passport_scan', true);
  await upload('amina@manasik.demo', 'photo', true);
  await upload('amina@manasik.demo', 'passport_scan', false);
  await upload('omar@manasik.demo', 'photo', false);
}
