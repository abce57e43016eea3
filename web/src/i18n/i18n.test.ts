import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import en from './en.json';
import { accountEmails } from '../../../src/modules/accounts/emails.ts';
import { typeNames, validationMessages } from '../../../src/shared/validation-messages.ts';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function placeholders(text: string) {
  return [...text.matchAll(/\{\{?(\w+)\}?\}/g)].map((m) => m[1]).sort();
}

describe('translations', () => {
  const languages = { ar, en } as const;
  const all = new Set(Object.values(languages).flatMap((tree) => keys(tree)));

  it.each(Object.keys(languages))('the web app has every key in %s, none empty', (lang) => {
    const tree = languages[lang as keyof typeof languages];
    expect([...all].filter((k) => !keys(tree).includes(k))).toEqual([]);
    const flat = keys(tree).map((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], tree));
    expect(flat.filter((v) => typeof v !== 'string' || v.trim() === '')).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    for (const key of keys(en)) {
      const get = (tree: object) => key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], tree) as string;
      expect(placeholders(get(ar)), key).toEqual(placeholders(get(en)));
    }
  });

  it('every validation message and type name exists in every language', () => {
    for (const table of [validationMessages, typeNames]) {
      for (const [key, spec] of Object.entries(table)) {
        expect(Object.keys(spec).sort(), key).toEqual(['ar', 'en']);
        expect(placeholders(spec.ar), key).toEqual(placeholders(spec.en));
      }
    }
  });

  it('every account email exists in every language', () => {
    for (const [template, byLang] of Object.entries(accountEmails)) {
      expect(Object.keys(byLang).sort(), template).toEqual(['ar', 'en']);
    }
  });
});
