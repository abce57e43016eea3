import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { directionOf, locales } from '../../common/i18n.ts';

/**
 * The platform's first questionnaires and checklists (data/voice-of-the-guest.json) are asked
 * in every language the platform speaks: a pilgrim never meets a fallback in them, and an
 * inspector reads each checklist item in their own language.
 */
type Texts = Record<string, string>;
type Defaults = {
  questionnaires: { code: string; title: Texts; questions: { id: string; text: Texts; options?: { id: string; text: Texts }[] }[] }[];
  checklists: { placeType: string; items: { id: string; text: Texts }[] }[];
};

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/voice-of-the-guest.json');
const defaults = JSON.parse(fs.readFileSync(file, 'utf8')) as Defaults;

/** Every text of the file, named by where it sits: titles, questions, options, checklist items. */
const texts: [string, Texts][] = [
  ...defaults.questionnaires.flatMap((q) => [
    [`${q.code} title`, q.title] as [string, Texts],
    ...q.questions.flatMap((x) => [
      [`${q.code} ${x.id}`, x.text] as [string, Texts],
      ...(x.options ?? []).map((o) => [`${q.code} ${x.id} option ${o.id}`, o.text] as [string, Texts]),
    ]),
  ]),
  ...defaults.checklists.flatMap((l) => l.items.map((i) => [`${l.placeType} checklist ${i.id}`, i.text] as [string, Texts])),
];

const rtl = locales.filter((l) => directionOf(l) === 'rtl');
/** Arabic yeh, kaf and alef maksura: Urdu and Persian write ی and ک instead. */
const arabicOnlyLetters = /[\u064A\u0643\u0649]/u;

describe('the default questionnaires and checklists speak the nine languages', () => {
  it('finds the texts it checks', () => {
    expect(defaults.questionnaires.length).toBeGreaterThan(0);
    expect(defaults.checklists.length).toBeGreaterThan(0);
    expect(texts.length).toBeGreaterThan(defaults.questionnaires.length + defaults.checklists.length);
  });

  it.each(texts)('%s has a text in every language', (_where, t) => {
    const missing = locales.filter((l) => typeof t[l] !== 'string' || t[l].trim() === '');
    expect(missing).toEqual([]);
  });

  it.each(texts)('%s is written in Arabic script in the right-to-left languages', (_where, t) => {
    const latinOnly = rtl.filter((l) => !/\p{Script=Arabic}/u.test(t[l] ?? ''));
    expect(latinOnly).toEqual([]);
  });

  it.each(texts)('%s is written in Bengali script in Bengali', (_where, t) => {
    expect(t.bn ?? '').toMatch(/\p{Script=Bengali}/u);
  });

  it.each(texts)('%s uses the Urdu and Persian letters ی and ک, not Arabic ي, ك or ى', (_where, t) => {
    const wrong = (['ur', 'fa'] as const).filter((l) => arabicOnlyLetters.test(t[l] ?? ''));
    expect(wrong).toEqual([]);
  });
});
