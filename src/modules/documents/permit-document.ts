import { dateTimeFormat, formatHijri } from '../../core/dates.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { DocumentContext } from './context.ts';
import { renderPdf, type Block } from './pdf.ts';
import { permitWords } from './words.ts';

/** A permit booking's printable permits. */
export function permitDocumentUseCase(dc: DocumentContext) {
  const { deps, qr } = dc;
  const use = {
    /**
     * A permit booking as PDF, in the reader's language (Arabic or English): the site, the
     * window in both calendars, the section and gates, then a page per member with their
     * name, the last four characters of their document, the code to type and the signed QR.
     */
    async permit(ctx: RequestContext, bookingId: string) {
      const { blocks, locale, title } = await use.permitContent(ctx, bookingId);
      return renderPdf(blocks, locale, { title });
    },

    /** What the permit PDF prints. */
    async permitContent(ctx: RequestContext, bookingId: string) {
      const { view, site, gates, people } = await deps.permits.document(ctx, bookingId);
      const locale = ctx.locale;
      const w = permitWords[locale];
      const time = (iso: string) => dateTimeFormat(locale === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB', { timeZone: 'Asia/Riyadh', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
      const day = (iso: string) => `${dateTimeFormat(locale === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB', { timeZone: 'Asia/Riyadh', dateStyle: 'long' }).format(new Date(iso))} · ${formatHijri(new Date(iso), locale)}`;
      const header: Block[] = [
        { kind: 'title', text: `${w.permit} — ${site[locale]}` },
        { kind: 'pairs', rows: [
          [w.date, day(view.startsAt)],
          [w.window, `${time(view.startsAt)} – ${time(view.endsAt)}`],
          [w.section, w.sections[view.section]],
          [w.gates, gates.map((g) => `${g.number} ${g.name[locale]}`).join(locale === 'ar' ? '، ' : ', ')],
          [w.group, String(view.size)],
        ] },
      ];
      const blocks: Block[] = [];
      for (const [i, p] of view.permits.entries()) {
        const person = people.get(p.personId);
        if (i > 0) blocks.push({ kind: 'page' });
        blocks.push(...header, { kind: 'gap' },
          { kind: 'line', text: person ? (locale === 'ar' ? person.name_ar : person.name_en) : p.name, size: 16 },
          { kind: 'pairs', rows: [[w.member, `${p.memberIndex + 1} / ${view.size}`], [w.document, `•••• ${person?.doc_last4 ?? ''}`], [w.code, `${p.code.slice(0, 5)} ${p.code.slice(5)}`]] },
          { kind: 'gap' },
          { kind: 'image', png: await qr(p.token), size: 200 },
          { kind: 'line', text: w.scan, muted: true },
          { kind: 'line', text: w.offline, muted: true, size: 10 });
      }
      return { blocks, locale, title: `${w.permit} ${site[locale]}` };
    },

  };
  return use;
}
