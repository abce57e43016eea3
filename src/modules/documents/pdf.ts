import { createRequire } from 'node:module';
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { visualRuns } from './rtl-text.ts';

const require = createRequire(import.meta.url);
/** Noto Naskh Arabic (SIL Open Font License), shipped as an npm package so every install has it. */
const ARABIC_FONT = fs.readFileSync(require.resolve('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff'));
const FEATURES = ['rlig', 'calt', 'liga', 'init', 'medi', 'fina', 'isol'] as const;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'line'; text: string; size?: number; muted?: boolean }
  | { kind: 'pairs'; rows: [string, string][] }
  | { kind: 'image'; png: Buffer; size: number }
  /** A photo (JPEG or PNG) `width` wide, kept in proportion, at the start edge. */
  | { kind: 'photo'; bytes: Buffer; width: number; height: number }
  /**
   * Rows of cells under a header row; `widths` are fractions of the line (they sum
   * to 1), the first column at the start edge (the right in Arabic), numbers at the end of their cell.
   */
  | { kind: 'table'; header: string[]; rows: string[][]; widths: number[] }
  | { kind: 'gap' }
  /** Starts a new page. */
  | { kind: 'page' };

/**
 * A one-column PDF in Arabic (right to left, letters joined by the font's
 * shaping) or English, from a few kinds of blocks. Arabic runs use Noto Naskh
 * Arabic, Latin runs Helvetica; each line is split into directional runs and
 * placed from the start edge of the language.
 */
export async function renderPdf(blocks: Block[], locale: 'ar' | 'en', meta: { title: string }): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: meta.title, Producer: 'Manasik' }, lang: locale } as PDFKit.PDFDocumentOptions);
  doc.registerFont('arabic', ARABIC_FONT);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  const base = locale === 'ar' ? 'rtl' : 'ltr';

  // Within a right-to-left run, letters the Arabic font has are shaped by it; anything else (dashes,
  // full stops, Latin) is set in Helvetica. The pieces of such a run are placed right to left.
  const pieces = (r: { text: string; rtl: boolean }) => {
    if (!r.rtl) return [{ text: r.text, font: 'Helvetica' }];
    const out: { text: string; font: string }[] = [];
    for (const ch of r.text) {
      const font = ARABIC.test(ch) || ch === ' ' ? 'arabic' : 'Helvetica';
      const last = out[out.length - 1];
      if (last && last.font === font) last.text += ch;
      else out.push({ text: ch, font });
    }
    return out.reverse();
  };
  const width = (p: { text: string; font: string }, size: number) => doc.font(p.font).fontSize(size).widthOfString(p.text, { features: [...FEATURES] });
  /** Draws one line at y: runs in visual order, from the right edge for Arabic, the left for English. */
  function line(text: string, y: number, size: number, color = '#111111', edge: 'start' | 'end' = 'start', box: [number, number] = [left, right]) {
    // Arabic-Indic digits (as Intl writes Hijri dates in Arabic) are set as Western digits, which both fonts have.
    const digits = text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90));
    const placed = visualRuns(digits, base).flatMap(pieces);
    const total = placed.reduce((w, p) => w + width(p, size), 0);
    const fromRight = (locale === 'ar') === (edge === 'start');
    let x = fromRight ? box[1] - total : box[0];
    for (const p of placed) {
      doc.font(p.font).fontSize(size).fillColor(color).text(p.text, x, y, { lineBreak: false, features: [...FEATURES] });
      x += width(p, size);
    }
    return size * 1.6;
  }

  let y = doc.page.margins.top;
  for (const b of blocks) {
    if (b.kind === 'title') y += line(b.text, y, 20, '#0b5d4b');
    else if (b.kind === 'line') y += line(b.text, y, b.size ?? 12, b.muted ? '#555555' : '#111111');
    else if (b.kind === 'gap') y += 12;
    else if (b.kind === 'page') {
      doc.addPage();
      y = doc.page.margins.top;
    }
    else if (b.kind === 'pairs') {
      for (const [label, value] of b.rows) {
        line(label, y, 11, '#555555', 'start');
        y += line(value, y, 11, '#111111', 'end');
      }
    } else if (b.kind === 'image') {
      doc.image(b.png, locale === 'ar' ? right - b.size : left, y, { width: b.size, height: b.size });
      y += b.size + 8;
    } else if (b.kind === 'photo') {
      doc.image(b.bytes, locale === 'ar' ? right - b.width : left, y, { fit: [b.width, b.height] });
      y += b.height + 8;
    } else if (b.kind === 'table') {
      // Column boxes from the start edge: left to right in English, right to left in Arabic.
      const span = right - left;
      let at = 0;
      const boxes = b.widths.map((w) => {
        const box: [number, number] = locale === 'ar' ? [right - (at + w) * span, right - at * span] : [left + at * span, left + (at + w) * span];
        at += w;
        return box;
      });
      const row = (cells: string[], color: string, size: number) => {
        cells.forEach((cell, i) => line(cell, y, size, color, i === 0 ? 'start' : 'end', [boxes[i]![0] + 2, boxes[i]![1] - 2]));
        y += size * 1.7;
      };
      row(b.header, '#555555', 9);
      doc.moveTo(left, y - 4).lineTo(right, y - 4).strokeColor('#cccccc').stroke();
      for (const r of b.rows) row(r, '#111111', 10);
    }
  }
  doc.end();
  return done;
}
