import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

export interface Run {
  text: string;
  rtl: boolean;
}

/**
 * Splits one line into directional runs in **visual** order (left to right on
 * the page), by the Unicode bidirectional algorithm. Each run keeps its
 * characters in logical order: the PDF font engine (fontkit) shapes Arabic
 * letters by context and lays a right-to-left run out right to left itself,
 * so shaping always sees the letters in reading order.
 */
export function visualRuns(line: string, base: 'rtl' | 'ltr'): Run[] {
  if (line.length === 0) return [];
  const { levels } = bidi.getEmbeddingLevels(line, base);
  const runs: { start: number; end: number; level: number }[] = [];
  for (let i = 0; i < line.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.level === levels[i]) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, level: levels[i]! });
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or higher.
  const max = Math.max(...runs.map((r) => r.level));
  const minOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), max + 1);
  for (let level = max; level >= minOdd; level--) {
    for (let i = 0; i < runs.length; ) {
      if (runs[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs.map((r) => ({ text: line.slice(r.start, r.end), rtl: r.level % 2 === 1 }));
}

/**
 * The direction of a piece of one directional run, by its first strong letter: right to
 * left for Arabic-script letters; left to right otherwise, digits included (Persian
 * ۱۲۳ and Arabic-Indic ١٢٣ digits are of the Arabic script but read left to right).
 */
export function pieceDirection(text: string): 'rtl' | 'ltr' {
  for (const ch of text) {
    const type = bidi.getBidiCharTypeName(ch);
    if (type === 'L') return 'ltr';
    if (type === 'R' || type === 'AL') return 'rtl';
  }
  return 'ltr';
}

/**
 * Neutral characters (a colon, brackets) of a right-to-left run in visual order: reversed,
 * brackets mirrored. Such a piece has no direction of its own to be shaped in.
 */
export function neutralsRightToLeft(text: string): string {
  return [...text].reverse().map((c) => bidi.getMirroredCharacter(c) ?? c).join('');
}

/**
 * Text set apart from its neighbours for the bidirectional algorithm (first-strong
 * isolate): a Latin name in a right-to-left line keeps its own full stop.
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;
