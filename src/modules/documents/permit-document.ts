import { intlLocale, pickText } from '../../common/i18n.ts';
import { dateTimeFormat, RIYADH } from '../../core/dates.ts';
import type { RequestContext } from '../../core/principal.ts';
import type { DocumentContext } from './context.ts';
import { renderPdf, type Block } from './pdf.ts';
import { formatNumber, inBothCalendars, wordsIn } from './words.ts';

/** A permit booking's printable permits. */
export function permitDocumentUseCase(dc: DocumentContext) {
  const { deps, qr } = dc;
  const use = {
    /**
     * A permit booking as PDF, in the reader's language: the site, the
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
      const t = wordsIn(locale);
      const siteName = pickText(site, locale).text;
      const time = (iso: string) => dateTimeFormat(intlLocale(locale, 'gregory'), { timeZone: RIYADH, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
      const gateList = new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(gates.map((g) => `${formatNumber(locale, g.number)} ${pickText(g.name, locale).text}`));
      const header: Block[] = [
        { kind: 'title', text: t('permit.title', { site: siteName }) },
        { kind: 'pairs', rows: [
          [t('permit.date'), inBothCalendars(new Date(view.startsAt), locale)],
          [t('permit.window'), `${time(view.startsAt)} – ${time(view.endsAt)}`],
          [t('permit.section'), t(`permit.sections.${view.section}`)],
          [t('permit.gates'), gateList],
          [t('permit.group'), formatNumber(locale, view.size)],
        ] },
      ];
      const blocks: Block[] = [];
      for (const [i, p] of view.permits.entries()) {
        const person = people.get(p.personId);
        if (i > 0) blocks.push({ kind: 'page' });
        blocks.push(...header, { kind: 'gap' },
          { kind: 'line', text: person ? (locale === 'ar' ? person.name_ar : person.name_en) : p.name, size: 16 },
          { kind: 'pairs', rows: [[t('permit.member'), t('permit.memberOf', { member: formatNumber(locale, p.memberIndex + 1), size: formatNumber(locale, view.size) })], [t('permit.document'), `•••• ${person?.doc_last4 ?? ''}`], [t('permit.code'), `${p.code.slice(0, 5)} ${p.code.slice(5)}`]] },
          { kind: 'gap' },
          { kind: 'image', png: await qr(p.token), size: 200 },
          { kind: 'line', text: t('permit.scan'), muted: true },
          { kind: 'line', text: t('permit.offline'), muted: true, size: 10 });
      }
      return { blocks, locale, title: t('permit.file', { site: siteName }) };
    },

  };
  return use;
}
