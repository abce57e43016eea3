import fs from 'node:fs';
import * as mupdf from 'mupdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { locales, type Locale } from '../../common/i18n.ts';
import { fontOrder, loadFonts, piecesOf, type FontSet, type LoadedFont } from './fonts.ts';
import { renderPdf } from './pdf.ts';
import { shape, widthOf } from './shaping.ts';
import { inBothCalendars, money } from './words.ts';

/**
 * Each language's PDF is set in a font that shapes its script: the glyphs are
 * never the missing glyph, Arabic-script letters take their joined forms,
 * Bengali conjuncts form and vowel signs move, and the page, rendered to an
 * image by MuPDF, has the line's ink where the line is. The pages are kept in
 * test-artifacts/pdf-scripts/<language>.png for a person to look at.
 *
 * The sample lines are fixed here, each in its language: the catalogs'
 * translations into most languages are not in yet.
 */
const samples: Record<Locale, string> = {
  ar: 'تأكيد الحجز — بطاقة الحاج، السكن في مكة ١٤٤٨',
  en: 'Booking confirmation — pilgrim card, housing in Makkah',
  fr: 'Confirmation de réservation — carte du pèlerin, hébergement à La Mecque, « reçu » et œuvre',
  ur: 'بکنگ کی تصدیق — حاجی کے لیے کارڈ، مکہ میں رہائش اور ٹرین',
  id: 'Konfirmasi pemesanan — kartu jemaah, penginapan di Makkah',
  tr: 'Rezervasyon onayı — hacı kartı; İstanbul’dan uçuş, Mekke’de konaklama, öğle yemeği',
  ms: 'Pengesahan tempahan — kad jemaah, penginapan di Makkah',
  bn: 'বুকিং নিশ্চিতকরণ — হজযাত্রীর কার্ড, মক্কায় আবাসন',
  fa: 'تأیید رزرو — کارت زائر و گذرنامه پیوست می‌شود',
};

/** Every letter of the alphabets, with the signs and digits the languages write. */
const alphabets = {
  arabicScript: 'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي' + 'ٹپچڈڑژکگںھہۂۃیےۓ' + '،؛؟ـ' + '٠١٢٣٤٥٦٧٨٩' + '۰۱۲۳۴۵۶۷۸۹' + '\u064B\u064E\u064F\u0650\u0651\u0652\u0670\u200C\u200D',
  bengali: 'অআইঈউঊঋএঐওঔকখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহড়ঢ়য়ৎংঃঁ' + 'ািীুূৃেৈোৌ্' + '০১২৩৪৫৬৭৮৯' + '।',
  latin: 'ÀÂÆÇÈÉÊËÎÏÔŒÙÛÜŸàâæçèéêëîïôœùûüÿ«»’' + 'ÇĞİÖŞÜçğıöşü',
};

let fonts: FontSet;
beforeAll(async () => {
  fonts = await loadFonts();
});

/** The glyph ids each character of `text` is drawn with, by cluster (the index of its first character). */
function glyphsByCluster(font: LoadedFont, text: string, language: string) {
  const out = new Map<number, number[]>();
  for (const g of shape(font, text, language)) out.set(g.cluster, [...(out.get(g.cluster) ?? []), g.id]);
  return out;
}
const nominal = (font: LoadedFont, ch: string) => font.hb.nominalGlyph(ch.codePointAt(0)!);

describe('the fonts', () => {
  it.each([
    ['naskh', alphabets.arabicScript],
    ['bengali', alphabets.bengali],
  ] as const)('%s has every letter, sign and digit of its alphabets', (name, letters) => {
    expect([...letters].filter((ch) => !fonts[name].has(ch.codePointAt(0)!))).toEqual([]);
  });

  it('Noto Sans (latin and latin-ext) has every French and Turkish letter', () => {
    expect([...alphabets.latin].filter((ch) => !fonts.latin.has(ch.codePointAt(0)!) && !fonts.latinExt.has(ch.codePointAt(0)!))).toEqual([]);
  });
});

describe('shaping', () => {
  it.each(locales)('%s: every character of the sample line is drawn with a real glyph, never the missing one', (locale) => {
    const pieces = piecesOf(samples[locale], fontOrder(fonts, locale));
    for (const p of pieces) expect(shape(p.font, p.text, locale).filter((g) => g.id === 0), `${p.font.name}: ${p.text}`).toEqual([]);
    // Each language's letters are in its own font.
    const own = { ar: 'naskh', ur: 'naskh', fa: 'naskh', bn: 'bengali' }[locale as string] ?? 'latin';
    expect(pieces[0]!.font.name).toBe(own);
  });

  it.each([
    ['ar', 'بطاقة'],
    ['ur', 'بکنگ'],
    ['fa', 'پیوست'],
  ] as const)('%s: every letter of %s takes its joined form, not its isolated one', (locale, word) => {
    const joined = glyphsByCluster(fonts.naskh, word, locale);
    expect(joined.size).toBe(word.length);
    [...word].forEach((letter, i) => expect(joined.get(i), letter).not.toEqual([...glyphsByCluster(fonts.naskh, letter, locale).values()][0]));
  });

  it('fa: a zero-width non-joiner stays in the word and stops the joining (می‌شود, not میشود)', () => {
    const order = fontOrder(fonts, 'fa');
    expect(piecesOf('می‌شود', order).map((p) => p.font.name)).toEqual(['naskh']);
    const yeh = (word: string) => glyphsByCluster(fonts.naskh, word, 'fa').get(1);
    expect(yeh('می‌شود')).toEqual(yeh('می'));
    expect(yeh('می‌شود')).not.toEqual(yeh('میشود'));
  });

  it('bn: the sign ি is drawn before its consonant, and ো around it', () => {
    const b = fonts.bengali;
    expect(shape(b, 'কি', 'bn').map((g) => g.id)).toEqual([nominal(b, 'ি'), nominal(b, 'ক')]);
    const o = shape(b, 'কো', 'bn').map((g) => g.id);
    expect(o).toHaveLength(3);
    expect(o[1]).toBe(nominal(b, 'ক'));
    expect(o[2]).toBe(nominal(b, 'া'));
  });

  it.each(['ক্ষ', 'ক্ক', 'জ্ঞ', 'ন্ধ', 'স্ত্র', 'র্ক'])('bn: %s forms its conjunct: no hasanta is left to show and no consonant stands alone', (cluster) => {
    const b = fonts.bengali;
    const ids = shape(b, cluster, 'bn').map((g) => g.id);
    expect(ids).not.toContain(nominal(b, '্'));
    expect(ids).not.toEqual([...cluster].filter((c) => c !== '্').map((c) => nominal(b, c)));
  });
});

/** The first page rendered at `scale` pixels to the point, in grey levels, and the glyphs it draws. */
function renderPage(pdf: Buffer, scale: number) {
  const page = mupdf.Document.openDocument(pdf, 'application/pdf').loadPage(0);
  const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceGray, false);
  // What MuPDF draws: each glyph's id in the embedded font, the character the PDF maps it to, its font and
  // place (a glyph that stands for several characters comes with one more entry for each, of id -1).
  const glyphs: { font: string; id: number; char: string; x: number; y: number }[] = [];
  const device = new mupdf.Device({
    fillText: (text) => text.walk({
      showGlyph: (font, trm, id, unicode) => glyphs.push({ font: font.getName().replace(/^[A-Z]+\+/, ''), id, char: String.fromCodePoint(unicode), x: trm[4], y: page.getBounds()[3] - trm[5] }),
    }),
  });
  page.run(device, mupdf.Matrix.identity);
  device.close();
  return { png: pixmap.asPNG(), width: pixmap.getWidth(), stride: pixmap.getStride(), pixels: pixmap.getPixels(), glyphs, text: page.toStructuredText('preserve-whitespace').asText() };
}

const ownFont: Record<Locale, string> = {
  ar: 'NotoNaskhArabic-Regular', ur: 'NotoNaskhArabic-Regular', fa: 'NotoNaskhArabic-Regular', bn: 'NotoSansBengali-Regular',
  en: 'NotoSans-Regular', fr: 'NotoSans-Regular', id: 'NotoSans-Regular', tr: 'NotoSans-Regular', ms: 'NotoSans-Regular',
};
const digitsOf: Partial<Record<Locale, RegExp>> = { fa: /[۰-۹]/u, bn: /[০-৯]/u };

describe('each language\'s PDF, rendered to an image', () => {
  const day = new Date('2027-05-15T09:00:00Z');

  it.each(locales)('%s: draws the sample line with the shaped glyphs of its own font, from the start edge', async (locale) => {
    const line = samples[locale];
    const pdf = await renderPdf([
      { kind: 'line', text: line },
      { kind: 'pairs', rows: [[inBothCalendars(day, locale), money(123450, locale)]] },
    ], locale, { title: line });
    const scale = 2;
    const { png, width, stride, pixels, glyphs } = renderPage(pdf, scale);
    fs.mkdirSync('test-artifacts/pdf-scripts', { recursive: true });
    fs.writeFileSync(`test-artifacts/pdf-scripts/${locale}.png`, png);

    // The PDF draws HarfBuzz's glyphs, none of them the missing glyph, and embeds its fonts (no standard PDF font).
    const pieces = piecesOf(line, fontOrder(fonts, locale)).map((p) => ({ font: p.font, glyphs: shape(p.font, p.text, locale) }));
    const drawn = glyphs.filter((g) => g.y < 70 && g.id >= 0);
    expect(drawn).toHaveLength(pieces.reduce((n, p) => n + p.glyphs.length, 0));
    expect(glyphs.filter((g) => g.id === 0)).toEqual([]);
    expect(drawn.filter((g) => g.font === ownFont[locale]).length).toBeGreaterThan(drawn.length / 2);
    expect(pdf.toString('latin1')).not.toMatch(/\/BaseFont \/Helvetica/);

    // The line's ink, 12 points high below the top margin (50 points): where the line is, as wide as shaped.
    let [minX, maxX, ink] = [Infinity, -Infinity, 0];
    for (let y = 50 * scale; y < 69 * scale; y++) {
      for (let x = 0; x < width; x++) {
        if (pixels[y * stride + x]! < 160) {
          ink++;
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
        }
      }
    }
    const expected = pieces.reduce((w, p) => w + widthOf(p.font, p.glyphs, 12), 0) * scale;
    expect(ink).toBeGreaterThan(300);
    expect(Math.abs(maxX - minX - expected)).toBeLessThan(5 * scale);
    // From the right margin (50 points) in a right-to-left language, from the left one otherwise.
    const startEdge = locale === 'ar' || locale === 'ur' || locale === 'fa' ? width - 50 * scale - maxX : minX - 50 * scale;
    expect(Math.abs(startEdge)).toBeLessThan(4 * scale);

    // One digit style: Persian and Bengali their own, the others Western (Arabic-Indic ١٤٤٨ is set as 1448).
    const digits = glyphs.filter((g) => /\p{Nd}/u.test(g.char)).map((g) => g.char).join('');
    expect(digits.length).toBeGreaterThan(8);
    expect(digits).toMatch(new RegExp(`^${(digitsOf[locale] ?? /[0-9]/).source}+$`, 'u'));
  });

  it('fr: a letter and its accent written apart are drawn as the composed letter', async () => {
    const { glyphs } = renderPage(await renderPdf([{ kind: 'line', text: 'Re\u0301servation' }], 'fr', { title: 't' }), 1);
    expect(glyphs.filter((g) => g.id === 0)).toEqual([]);
    expect(glyphs.map((g) => g.char).join('')).toBe('Réservation');
  });

  it.each(['en', 'fr', 'tr', 'id', 'ms'] as const)('%s: the text layer reads as written (copy, search)', async (locale) => {
    const pdf = await renderPdf([{ kind: 'line', text: samples[locale] }], locale, { title: 't' });
    expect(renderPage(pdf, 1).text).toContain(samples[locale]);
  });
});
