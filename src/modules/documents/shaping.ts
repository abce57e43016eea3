import * as fontkit from 'fontkit';
import * as hb from 'harfbuzzjs';
import { LRUCache } from 'lru-cache';
import type { LoadedFont } from './fonts.ts';
import { pieceDirection } from './rtl-text.ts';

/** A glyph as HarfBuzz places it, in font units; `cluster` is the index of its first character in the text. */
export interface ShapedGlyph {
  id: number;
  cluster: number;
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/**
 * Shapes a piece of text in one font with HarfBuzz: Arabic letters joined by their
 * position in the word, Bengali conjuncts formed and vowel signs placed (ি before its
 * consonant), marks attached. The text is one piece of one directional run, set in
 * the direction of its first letter (pieceDirection); the glyphs come in visual
 * order, left to right. `language` picks the font's forms for that language.
 *
 * @example shape(fonts.bengali, 'কি', 'bn') // two glyphs: the sign ি, then ক
 */
export function shape(font: LoadedFont, text: string, language?: string): readonly ShapedGlyph[] {
  const key = `${font.name}\u0000${language ?? ''}\u0000${text}`;
  let glyphs = shaped.get(key);
  if (!glyphs) shaped.set(key, (glyphs = shapeNow(font, text, language)));
  return glyphs;
}
/** Pieces shaped lately: a document's labels recur in every document, and pdfkit asks again for what was measured. */
const shaped = new LRUCache<string, readonly ShapedGlyph[]>({ max: 20_000 });

function shapeNow(font: LoadedFont, text: string, language?: string): readonly ShapedGlyph[] {
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.setDirection(pieceDirection(text) === 'rtl' ? hb.Direction.RTL : hb.Direction.LTR);
  if (language) buffer.setLanguage(language);
  buffer.guessSegmentProperties();
  hb.shape(font.hb, buffer);
  const positions = buffer.getGlyphPositions();
  return Object.freeze(buffer.getGlyphInfos().map((g, i) => Object.freeze({ id: g.codepoint, cluster: g.cluster, ...positions[i]! })));
}

/** The width of shaped glyphs at `size` points. */
export function widthOf(font: LoadedFont, glyphs: readonly ShapedGlyph[], size: number): number {
  return (glyphs.reduce((w, g) => w + g.xAdvance, 0) * size) / font.upem;
}

/**
 * The characters each glyph stands for, for the PDF's text layer: a glyph that is a
 * character's own (its cmap glyph) stands for it; the rest of a cluster (a conjunct, a
 * ligature) goes to the cluster's first other glyph.
 */
function codePointsOf(font: LoadedFont, text: string, glyphs: readonly ShapedGlyph[]): number[][] {
  const out = glyphs.map((): number[] => []);
  const starts = [...new Set(glyphs.map((g) => g.cluster))].sort((a, b) => a - b);
  starts.forEach((start, k) => {
    const members = glyphs.flatMap((g, i) => (g.cluster === start ? [i] : []));
    const rest: number[] = [];
    for (const ch of text.slice(start, starts[k + 1] ?? text.length)) {
      const cp = ch.codePointAt(0)!;
      const own = members.find((i) => out[i]!.length === 0 && font.hb.nominalGlyph(cp) === glyphs[i]!.id);
      if (own === undefined) rest.push(cp);
      else out[own] = [cp];
    }
    if (rest.length) out[members.find((i) => out[i]!.length === 0) ?? members[0]!]!.push(...rest);
  });
  return out;
}

/**
 * The font as pdfkit takes it: fontkit's reading of the same TrueType bytes (pdfkit
 * embeds a subset of the glyphs through it) whose layout is HarfBuzz's. fontkit's own
 * shaping joins Arabic letters as HarfBuzz does, but not all Bengali: it leaves the
 * hasanta of ক্ক visible and breaks the headstroke of ন্ধ.
 */
export function pdfkitFont(font: LoadedFont, language: string): fontkit.Font {
  const f = fontkit.create(font.ttf) as fontkit.Font;
  const layout = (text: string) => {
    const glyphs = shape(font, text, language);
    const chars = codePointsOf(font, text, glyphs);
    return {
      glyphs: glyphs.map((g, i) => ({ id: g.id, advanceWidth: font.hb.glyphHAdvance(g.id), codePoints: chars[i]! })),
      positions: glyphs.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset })),
      // pdfkit scales the positions to its units in place, then reads the total.
      get advanceWidth() {
        return this.positions.reduce((w, p) => w + p.xAdvance, 0);
      },
    };
  };
  return Object.assign(f, { layout }) as unknown as fontkit.Font;
}
