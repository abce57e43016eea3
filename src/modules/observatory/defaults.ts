import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newId } from '../../core/ids.ts';
import type { ObservatoryContext } from './context.ts';
import { questionnaireProblems, type Questionnaire } from './domain/questionnaire.ts';
import type { Programme, Trigger } from './tables.ts';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/voice-of-the-guest.json');
type Defaults = {
  questionnaires: ({ code: string; trigger: Trigger; programme: Programme; validDays: number } & Questionnaire)[];
  checklists: { placeType: 'camp' | 'hotel' | 'bus'; items: { id: string; text: Record<string, string>; weight: number }[] }[];
};

/**
 * The platform's first questionnaires and inspection checklists (data/voice-of-the-guest.json),
 * installed at start for every code and place type that has none yet; the ministry publishes
 * new versions through the API, and those are never overwritten.
 */
export function defaultsUseCases(c: ObservatoryContext) {
  const { db, clock, repo } = c;
  return {
    async ensureDefaults() {
      const d = JSON.parse(fs.readFileSync(file, 'utf8')) as Defaults;
      const have = new Set((await repo.questionnaires(db.kysely)).map((q) => q.code));
      for (const q of d.questionnaires) {
        if (have.has(q.code)) continue;
        const problems = questionnaireProblems(q);
        if (problems.length) throw new Error(`data/voice-of-the-guest.json: ${q.code}: ${problems.join('; ')}`);
        await repo.publishQuestionnaire(db.kysely, { id: newId(), code: q.code, version: 0, trigger: q.trigger, programme: q.programme, stage: q.stage, title: JSON.stringify(q.title), questions: JSON.stringify(q.questions), valid_days: q.validDays, active: true, created_at: clock.now() });
      }
      const lists = new Set((await repo.checklists(db.kysely)).map((l) => l.place_type));
      for (const l of d.checklists) {
        if (!lists.has(l.placeType)) await repo.addChecklist(db.kysely, { id: newId(), place_type: l.placeType, version: 1, items: JSON.stringify(l.items), active: true, created_at: clock.now() });
      }
    },
  };
}
