import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { $api } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { languageName, sar, toHalalas } from '../../lib/format.ts';
import { CountrySelect, Field, Select } from '../../ui/fields.tsx';
import { Loaded } from '../../ui/problem.tsx';
import { COMPARE_MAX, useCompareSelection } from './compare-selection.ts';
import { LocalizedText } from './localized-text.tsx';
import { AvailabilityBadge, useDistance } from './package-facts.tsx';
import { inPageLanguage } from './types.ts';
import { locales } from '../../../../src/common/i18n.ts';

const PAGE = 12;
const camps = ['A', 'B', 'C', 'D'] as const;
const sorts = ['price_asc', 'price_desc', 'distance', 'newest'] as const;
type Sort = (typeof sorts)[number];
/** Guidance languages a pilgrim can filter by: the platform's languages (src/common/i18n.ts). */
const filterLanguages = locales;

interface Filters { country: string; camp: string[]; maxPrice: string; maxDistance: string; type: string; language: string; sort: Sort }

function filtersFrom(params: URLSearchParams): Filters {
  const sort = params.get('sort');
  return {
    country: params.get('country') ?? '',
    camp: (params.get('camp') ?? '').split(',').filter((c) => (camps as readonly string[]).includes(c)),
    maxPrice: params.get('maxPrice') ?? '',
    maxDistance: params.get('maxDistance') ?? '',
    type: params.get('type') ?? '',
    language: params.get('language') ?? '',
    sort: (sorts as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'price_asc',
  };
}

const wholeNumber = (text: string) => (/^\d{1,9}$/.test(text.trim()) ? Number(text) : undefined);

/** The public catalogue: the filters live in the address, so a search can be shared. */
export function CataloguePageView() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const provider = params.get('provider');
  const maxPrice = toHalalas(applied.maxPrice);

  const query = $api.useQuery('get', '/api/v1/catalogue', {
    params: {
      query: {
        limit: PAGE,
        offset,
        sort: applied.sort,
        ...(applied.country ? { country: applied.country } : {}),
        ...(applied.camp.length ? { camp: applied.camp.join(',') } : {}),
        ...(Number.isSafeInteger(maxPrice) && maxPrice >= 0 ? { maxPrice } : {}),
        ...(wholeNumber(applied.maxDistance) !== undefined ? { maxDistance: wholeNumber(applied.maxDistance) } : {}),
        ...(applied.type === 'dedicated' || applied.type === 'general' ? { type: applied.type } : {}),
        ...(applied.language ? { language: applied.language } : {}),
        ...(provider ? { provider } : {}),
      },
    },
    headers: inPageLanguage(),
  });
  const compare = useCompareSelection();
  const distance = useDistance();

  function apply(filters: Filters) {
    const next = new URLSearchParams();
    if (provider) next.set('provider', provider);
    for (const [key, value] of Object.entries(filters)) {
      const text = Array.isArray(value) ? value.join(',') : value;
      if (text && !(key === 'sort' && text === 'price_asc')) next.set(key, text);
    }
    setParams(next);
  }
  function page(to: number) {
    const next = new URLSearchParams(params);
    if (to > 0) next.set('offset', String(to));
    else next.delete('offset');
    setParams(next);
  }

  return (
    <div className="stack">
      <section>
        <h1>{t('catalogue.title')}</h1>
        <p className="muted">{t('catalogue.intro')}</p>
      </section>
      <FilterForm key={params.toString()} initial={applied} onApply={apply} />

      {compare.ids.length > 0 && (
        <div className="compare-bar" role="status">
          {compare.ids.length >= 2
            ? <Link className="button primary" to={`/compare?ids=${compare.ids.join(',')}`}>{t('catalogue.compareCount', { count: compare.ids.length })}</Link>
            : <span>{t('catalogue.compareHint', { max: COMPARE_MAX })}</span>}
        </div>
      )}

      <Loaded query={query}>
        {(data) => (
          <>
            {provider && (
              <p>
                {data.items[0] ? t('catalogue.byProvider', { provider: data.items[0].provider.name }) : t('catalogue.oneProvider')}{' '}
                <Link to={`/catalogue?${new URLSearchParams([...params].filter(([k]) => k !== 'provider' && k !== 'offset'))}`}>{t('catalogue.allProviders')}</Link>
              </p>
            )}
            <p aria-live="polite">{t('catalogue.results', { count: data.total })}</p>
            {data.items.length === 0 ? <p>{t('catalogue.empty')}</p> : (
              <ul className="cards">
                {data.items.map((p) => (
                  <li key={p.id} className="card package-card">
                    <h2 id={`title-${p.id}`}><Link to={`/catalogue/${p.id}`}><LocalizedText text={p.title} language={p.titleLanguage} /></Link></h2>
                    <p className="muted">{t('catalogue.from', { provider: p.provider.name })}</p>
                    <p className="price">{sar(p.price.total)}</p>
                    <p>{t('package.camp', { category: p.minaCamp })} · {distance.makkah(p.makkah.distanceM)}</p>
                    <p>{t(`package.types.${p.type}`)}</p>
                    <p><AvailabilityBadge state={p.availability} /></p>
                    <label className="compare-toggle">
                      {/* Every card's box says "Add to compare": the card's title tells them apart. */}
                      <input type="checkbox" checked={compare.has(p.id)} disabled={!compare.has(p.id) && compare.ids.length >= COMPARE_MAX}
                        aria-describedby={`title-${p.id}`} onChange={() => compare.toggle(p.id)} />
                      {t('catalogue.addToCompare')}
                    </label>
                  </li>
                ))}
              </ul>
            )}
            <nav className="pager" aria-label={t('catalogue.pages')}>
              {offset > 0 && <button type="button" className="secondary" onClick={() => page(Math.max(0, offset - PAGE))}>{t('common.previous')}</button>}
              {offset + PAGE < data.total && <button type="button" className="secondary" onClick={() => page(offset + PAGE)}>{t('common.next')}</button>}
            </nav>
          </>
        )}
      </Loaded>
    </div>
  );
}

/** The filters as a form: edited freely, applied (into the address) on submit. */
function FilterForm({ initial, onApply }: { initial: Filters; onApply: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Filters>(initial);
  const lang = currentLanguage();
  const set = <K extends keyof Filters>(key: K) => (value: Filters[K]) => setDraft((d) => ({ ...d, [key]: value }));
  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }
  const active = [initial.country, initial.camp.length ? 'camp' : '', initial.maxPrice, initial.maxDistance, initial.type, initial.language].filter(Boolean).length;
  // Open on a wide screen; on a phone the results come first and the filters fold away.
  const [open] = useState(() => globalThis.matchMedia?.('(min-width: 720px)').matches ?? true);
  return (
    <details className="card" open={open}>
      <summary style={{ cursor: 'pointer', paddingBlock: '0.5rem', fontWeight: 700 }}>{active ? t('catalogue.filtersActive', { count: active }) : t('catalogue.filters')}</summary>
      <form className="filters" onSubmit={submit} aria-label={t('catalogue.filters')} noValidate>
        <CountrySelect label={t('catalogue.country')} name="country" value={draft.country} onChange={set('country')} />
        <fieldset className="field">
          <legend>{t('catalogue.camp')}</legend>
          <div className="checks">
            {camps.map((c) => (
              <label key={c}>
                <input type="checkbox" name="camp" value={c} checked={draft.camp.includes(c)}
                  onChange={(e) => set('camp')(e.target.checked ? [...draft.camp, c] : draft.camp.filter((x) => x !== c))} />
                {t('package.camp', { category: c })}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t('catalogue.maxPrice')} name="maxPrice" inputMode="decimal" dir="ltr" value={draft.maxPrice} onChange={(e) => set('maxPrice')(e.target.value)} />
        <Field label={t('catalogue.maxDistance')} name="maxDistance" inputMode="numeric" dir="ltr" value={draft.maxDistance} onChange={(e) => set('maxDistance')(e.target.value)} />
        <Select label={t('catalogue.type')} name="type" value={draft.type} onChange={set('type')}>
          <option value="">{t('common.any')}</option>
          <option value="dedicated">{t('package.types.dedicated')}</option>
          <option value="general">{t('package.types.general')}</option>
        </Select>
        <Select label={t('catalogue.language')} name="language" value={draft.language} onChange={set('language')}>
          <option value="">{t('common.any')}</option>
          {filterLanguages.map((code) => ({ code, name: languageName(code) })).sort((a, b) => a.name.localeCompare(b.name, lang))
            .map((l) => <option key={l.code} value={l.code}>{l.name}</option>)}
        </Select>
        <Select label={t('catalogue.sort')} name="sort" value={draft.sort} onChange={(v) => set('sort')(v as Sort)}>
          {sorts.map((s) => <option key={s} value={s}>{t(`catalogue.sorts.${s}`)}</option>)}
        </Select>
        <button type="submit" className="primary">{t('catalogue.apply')}</button>
      </form>
    </details>
  );
}
