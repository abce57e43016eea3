import PDFDocument from 'pdfkit';
import { directionOf, languageTable, type Locale } from '../../common/i18n.ts';
import { fontOrder, loadFonts, piecesOf } from './fonts.ts';
import { isolate, neutralsRightToLeft, visualRuns } from './rtl-text.ts';
import { pdfkitFont, shape, widthOf } from './shaping.ts';

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'line'; text: string; size?: number; muted?: boolean }
  | { kind: 'pairs'; rows: [string, string][] }
  | { kind: 'image'; png: Buffer; size: number }
  /** A photo (JPEG or PNG) `width` wide, kept in proportion, at the start edge. */
  | { kind: 'photo'; bytes: Buffer; width: number; height: number }
  /**
   * Rows of cells under a header row; `widths` are fractions of the line (they sum
   * to 1), the first column at the start edge (the right in Arabic, Urdu and Persian), numbers at the end of their cell.
   */
  | { kind: 'table'; header: string[]; rows: string[][]; widths: number[] }
  | { kind: 'gap' }
  /** Starts a new page. */
  | { kind: 'page' };

/**
 * A one-column PDF in any of the platform's languages, from a few kinds of blocks,
 * placed from the start edge of the language (the right in Arabic, Urdu and Persian).
 * Each line is split into directional runs (bidi), each run into pieces of one font
 * (fonts.ts: Noto Naskh Arabic, Noto Sans Bengali, Noto Sans), and each piece is
 * shaped by HarfBuzz (shaping.ts), so Arabic-script letters join and Bengali conjuncts
 * form. Every line carries its text as written (ActualText), for copying and search.
 */
export async function renderPdf(blocks: Block[], locale: Locale, meta: { title: string }): Promise<Buffer> {
  const order = fontOrder(await loadFonts(), locale);
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: meta.title, Producer: 'Manasik' }, lang: locale } as PDFKit.PDFDocumentOptions);
  for (const f of order) doc.registerFont(f.name, pdfkitFont(f, locale) as unknown as PDFKit.Mixins.PDFFontSource);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  const base = directionOf(locale);
  const rtl = base === 'rtl';
  const latinDigits = languageTable[locale].nu === 'latn';

  /**
   * A line's pieces in visual order, each with its width. Within a right-to-left run the pieces
   * go right to left, and a piece of only neutral characters is turned to visual order.
   */
  function placed(text: string, size: number) {
    return visualRuns(text, base).flatMap((run) => {
      const pieces = piecesOf(run.text, order).map((p) =>
        run.rtl && p.neutral ? { ...p, text: neutralsRightToLeft(p.text) } : p);
      return run.rtl ? pieces.reverse() : pieces;
    }).map((p) => ({ ...p, width: widthOf(p.font, shape(p.font, p.text, locale), size) }));
  }
  /** Draws one line whose top is at y, from the start edge of the language (or the end edge) of the box. */
  function line(text: string, y: number, size: number, color = '#111111', edge: 'start' | 'end' = 'start', box: [number, number] = [left, right]) {
    // Composed characters (é, not e and an accent: the fonts' subsets have the composed letters). Arabic-Indic
    // digits are set as Western digits in the languages that use those; Persian and Bengali keep their own.
    const composed = text.normalize('NFC');
    const written = latinDigits ? composed.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90)) : composed;
    const pieces = placed(written, size);
    const total = pieces.reduce((w, p) => w + p.width, 0);
    let x = rtl === (edge === 'start') ? box[1] - total : box[0];
    if (written) doc.markContent('Span', { actual: written });
    // One baseline for all the line's fonts; `features` makes pdfkit lay a piece out whole (else it cuts
    // at spaces), and `textWidth` spares it measuring the piece again.
    for (const p of pieces) {
      doc.font(p.font.name).fontSize(size).fillColor(color)
        .text(p.text, x, y + size, { lineBreak: false, baseline: 'alphabetic', features: [], textWidth: p.width } as PDFKit.Mixins.TextOptions);
      x += p.width;
    }
    if (written) doc.endMarkedContent();
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
      // A value (a name, an amount, a code) takes its direction from its own first letter, as a cell with
      // dir=auto does: a Latin name keeps its full stop in a right-to-left document, and the reverse.
      for (const [label, value] of b.rows) {
        line(label, y, 11, '#555555', 'start');
        y += line(isolate(value), y, 11, '#111111', 'end');
      }
    } else if (b.kind === 'image') {
      doc.image(b.png, rtl ? right - b.size : left, y, { width: b.size, height: b.size });
      y += b.size + 8;
    } else if (b.kind === 'photo') {
      doc.image(b.bytes, rtl ? right - b.width : left, y, { fit: [b.width, b.height] });
      y += b.height + 8;
    } else if (b.kind === 'table') {
      // Column boxes from the start edge: right to left in a right-to-left language.
      const span = right - left;
      let at = 0;
      const boxes = b.widths.map((w) => {
        const box: [number, number] = rtl ? [right - (at + w) * span, right - at * span] : [left + at * span, left + (at + w) * span];
        at += w;
        return box;
      });
      const row = (cells: string[], color: string, size: number) => {
        cells.forEach((cell, i) => line(cell, y, size, color, i === 0 ? 'start' : 'end', [boxes[i]![0] + 2, boxes[i]![1] - 2]));
        y += size * 1.7;
      };
      row(b.header, '#555555', 9);
      doc.moveTo(left, y - 4).lineTo(right, y - 4).strokeColor('#cccccc').stroke();
      for (const r of b.rows) row(r.map(isolate), '#111111', 10);
    }
  }
  doc.end();
  return done;
}
