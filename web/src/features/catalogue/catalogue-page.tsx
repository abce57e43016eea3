import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { currentLanguage } from '../../i18n/index.ts';
import { useApi } from '../../lib/use-api.ts';
import { number, sar, toHalalas } from '../../lib/format.ts';
import { Alert } from '../../ui/form.tsx';
import { useCompareSelection } from './compare-selection.ts';
import { AvailabilityBadge } from './package-facts.tsx';
import type { CataloguePage } from './types.ts';

const PAGE = 12;
const filterKeys = ['country', 'camp', 'maxPrice', 'maxDistance', 'type', 'language', 'sort'] as const;

/** The public catalogue: filters live in the address, so a search can be shared. */
export function CataloguePageView() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const offset = Number(params.get('offset') ?? 0);
  const query = new URLSearchParams();
  for (const key of filterKeys) {
    const value = params.get(key);
    if (!value) continue;
    // The form speaks riyals; the API speaks halalas.
    if (key !== 'maxPrice') query.set(key, value);
    else if (!Number.isNaN(toHalalas(value))) query.set(key, String(toHalalas(value)));
  }
  query.set('limit', String(PAGE));
  query.set('offset', String(offset));
  const { data, error } = useApi<CataloguePage>(`/catalogue?${query}`);
  const { data: countries } = useApi<{ code: string; ar: string; en: string }[]>('/meta/countries');
  const compare = useCompareSelection();
  const lang = currentLanguage();

  function submit(form: HTMLFormElement) {
    const next = new URLSearchParams();
    const fd = new FormData(form);
    for (const key of filterKeys) {
      const values = fd.getAll(key).map(String).filter(Boolean);
      if (values.length) next.set(key, values.join(','));
    }
    setParams(next);
  }

  return (
    <div className="stack">
      <section>
        <h1>{t('catalogue.title')}</h1>
        <p className="muted">{t('catalogue.intro')}</p>
      </section>
      <form className="card filters" onSubmit={(e) => { e.preventDefault(); submit(e.currentTarget); }} aria-label={t('catalogue.title')}>
        <div className="field">
          <label htmlFor="f-country">{t('catalogue.country')}</label>
          <select id="f-country" name="country" defaultValue={params.get('country') ?? ''}>
            <option value="">{t('common.any')}</option>
            {countries?.map((c) => <option key={c.code} value={c.code}>{lang === 'ar' ? c.ar : c.en}</option>)}
          </select>
        </div>
        <fieldset className="field">
          <legend>{t('catalogue.camp')}</legend>
          <div className="checks">
            {['A', 'B', 'C', 'D'].map((c) => (
              <label key={c}><input type="checkbox" name="camp" value={c} defaultChecked={params.get('camp')?.split(',').includes(c)} /> {c}</label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="f-price">{t('catalogue.maxPrice')}</label>
          <input id="f-price" name="maxPrice" type="number" min={0} step={100} inputMode="numeric" defaultValue={params.get('maxPrice') ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="f-distance">{t('catalogue.maxDistance')}</label>
          <input id="f-distance" name="maxDistance" type="number" min={0} max={50000} step={100} inputMode="numeric" defaultValue={params.get('maxDistance') ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="f-type">{t('catalogue.type')}</label>
          <select id="f-type" name="type" defaultValue={params.get('type') ?? ''}>
            <option value="">{t('common.any')}</option>
            <option value="dedicated">{t('package.types.dedicated')}</option>
            <option value="general">{t('package.types.general')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-sort">{t('catalogue.sort')}</label>
          <select id="f-sort" name="sort" defaultValue={params.get('sort') ?? 'price_asc'}>
            {(['price_asc', 'price_desc', 'distance', 'newest'] as const).map((s) => (
              <option key={s} value={s}>{t(`catalogue.sort${s[0]!.toUpperCase()}${s.slice(1)}`)}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary">{t('catalogue.apply')}</button>
      </form>

      {compare.ids.length > 0 && (
        <div className="compare-bar" role="status">
          {compare.ids.length >= 2
            ? <Link className="button primary" to={`/compare?ids=${compare.ids.join(',')}`}>{t('catalogue.compareCount', { count: compare.ids.length })}</Link>
            : <span>{t('catalogue.compareHint')}</span>}
        </div>
      )}

      {error && <Alert kind="error">{error.message || t('common.loadError')}</Alert>}
      {data && (
        <>
          <p aria-live="polite">{t('catalogue.results', { count: data.total })}</p>
          {data.items.length === 0 ? <p>{t('catalogue.empty')}</p> : (
            <ul className="cards">
              {data.items.map((p) => (
                <li key={p.id} className="card package-card">
                  <h2 lang={p.titleLanguage}><Link to={`/catalogue/${p.id}`}>{p.title}</Link></h2>
                  <p className="muted">{t('catalogue.from', { provider: p.provider.name })}</p>
                  <p className="price">{sar(p.price.total)}</p>
                  <p>{t('package.camp', { category: p.minaCamp })} · {t('package.distance', { metres: number(p.makkah.distanceM) })}</p>
                  <p><AvailabilityBadge state={p.availability} /></p>
                  <label className="compare-toggle">
                    <input type="checkbox" checked={compare.has(p.id)} onChange={() => compare.toggle(p.id)} /> {t('catalogue.addToCompare')}
                  </label>
                </li>
              ))}
            </ul>
          )}
          <nav className="pager" aria-label={t('catalogue.title')}>
            {offset > 0 && <button type="button" className="secondary" onClick={() => { params.set('offset', String(Math.max(0, offset - PAGE))); setParams(params); }}>{t('common.previous')}</button>}
            {offset + PAGE < data.total && <button type="button" className="secondary" onClick={() => { params.set('offset', String(offset + PAGE)); setParams(params); }}>{t('common.next')}</button>}
          </nav>
        </>
      )}
    </div>
  );
}
