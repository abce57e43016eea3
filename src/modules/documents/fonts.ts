import { createRequire } from 'node:module';
import fs from 'node:fs';
import * as hb from 'harfbuzzjs';
import { decompress } from 'wawoff2';
import type { Locale } from '../../common/i18n.ts';

const require = createRequire(import.meta.url);

/**
 * The fonts the PDFs are set in: Noto (SIL Open Font License), from npm packages so that
 * every install has them. @fontsource cuts each font into unicode-range subsets, each a
 * font file of its own; these four cover the nine languages:
 * - `naskh`: Noto Naskh Arabic, the Arabic letters with those Urdu and Persian add
 *   (ٹ ڈ ڑ ں ھ ہ ے پ چ ژ گ ک ی…), Arabic-Indic and Persian digits;
 * - `bengali`: Noto Sans Bengali, the Bengali letters, signs and digits;
 * - `latin`, `latinExt`: Noto Sans, Western European letters, punctuation and symbols
 *   (latin), and the rest of Latin (Turkish ğ ş ı İ, …; latin-ext).
 *
 * They are read as WOFF2 and unpacked to TrueType once per process (HarfBuzz reads
 * only TrueType/OpenType; pdfkit embeds the same bytes, so glyph ids agree).
 */
const files = {
  naskh: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2',
  bengali: '@fontsource/noto-sans-bengali/files/noto-sans-bengali-bengali-400-normal.woff2',
  latin: '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2',
  latinExt: '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2',
} as const;
export type FontName = keyof typeof files;

/** Each language's own font first; a character it lacks comes from the next font that has it. */
const ownFont: Record<Locale, FontName> = {
  ar: 'naskh', ur: 'naskh', fa: 'naskh', bn: 'bengali',
  en: 'latin', fr: 'latin', id: 'latin', tr: 'latin', ms: 'latin',
};
const fallbackOrder: FontName[] = ['latin', 'latinExt', 'naskh', 'bengali'];

export interface LoadedFont {
  name: FontName;
  /** The TrueType bytes, for pdfkit to embed. */
  ttf: Buffer;
  /** The HarfBuzz font, for shaping (font units: `upem` to the em). */
  hb: hb.Font;
  upem: number;
  /** Whether the font maps this code point to a glyph. */
  has(codePoint: number): boolean;
}
export type FontSet = Record<FontName, LoadedFont>;

async function load(name: FontName): Promise<LoadedFont> {
  // wawoff2 answers with a view of its working memory, which its next call reuses: copy it at once.
  const ttf = Buffer.from(await decompress(fs.readFileSync(require.resolve(files[name]))));
  const face = new hb.Face(new hb.Blob(ttf));
  const mapped = new Set(face.collectUnicodes());
  return { name, ttf, hb: new hb.Font(face), upem: face.upem, has: (cp) => mapped.has(cp) };
}

let loading: Promise<FontSet> | undefined;
/** The four fonts, loaded once (one after the other: see `load`). */
export function loadFonts(): Promise<FontSet> {
  loading ??= (async () => {
    const set: Partial<FontSet> = {};
    for (const name of Object.keys(files) as FontName[]) set[name] = await load(name);
    return set as FontSet;
  })();
  return loading;
}

/** The fonts in the order a `locale` document looks for a character in. */
export function fontOrder(fonts: FontSet, locale: Locale): LoadedFont[] {
  const own = ownFont[locale];
  return [own, ...fallbackOrder.filter((n) => n !== own)].map((n) => fonts[n]);
}

/** Characters of no script of their own (spaces, punctuation, digits, joiners, marks): they stay in the font of their neighbours. */
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
/** Directional formatting characters: the bidirectional algorithm has used them up, and no font draws them. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

export interface Piece {
  text: string;
  font: LoadedFont;
  /** Only spaces, punctuation, digits and the like. */
  neutral: boolean;
}

/**
 * Cuts text into pieces of one font each, in reading order: a letter goes to the first
 * font of `order` that has it; a neutral character stays in the current piece's font if
 * that font has it (so joiners, marks and spaces never cut a word's shaping apart). A
 * character no font has stays where it is, and shows as the font's missing glyph.
 */
export function piecesOf(text: string, order: LoadedFont[]): Piece[] {
  const out: Piece[] = [];
  for (const ch of text.replace(BIDI_CONTROL, '')) {
    const cp = ch.codePointAt(0)!;
    const neutral = NEUTRAL.test(ch);
    const last = out[out.length - 1];
    const font = (neutral && last?.font.has(cp) ? last.font : order.find((f) => f.has(cp))) ?? last?.font ?? order[0]!;
    if (last && last.font === font) {
      last.text += ch;
      last.neutral &&= neutral;
    } else out.push({ text: ch, font, neutral });
  }
  return out;
}
