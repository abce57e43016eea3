import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { $api } from '../../../api/client.ts';
import { Select } from '../../../ui/fields.tsx';
import { Alert, Loaded } from '../../../ui/problem.tsx';
import { Closures } from './closures.tsx';
import { Gates, Templates } from './gates-templates.tsx';
import { GenerateForm } from './generate-form.tsx';
import { RulesForm } from './rules-form.tsx';
import { SiteForm } from './site-form.tsx';
import '../permits.css';
import { currentLanguage } from '../../../i18n/index.ts';
import { localized } from '../../../../../src/common/i18n.ts';

/**
 * The ministry's permits console: a site's settings and opening hours, its
 * gates, window templates, generating windows for a range or a whole Hijri
 * month with their release schedule, frequency rules and penalties as data,
 * and closures with a reason.
 */
export function PermitsAdminPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const sites = $api.useQuery('get', '/api/v1/permits/sites');
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  return (
    <div className="stack permits">
      <section className="card">
        <div className="page-head">
          <h1>{t('permits.admin.title')}</h1>
          <Link to="/ministry/permits/occupancy">{t('permits.occupancy.title')}</Link>
        </div>
        <Loaded query={sites}>
          {(all) => {
            const site = all.find((s) => s.code === params.get('site')) ?? all[0];
            return (
              <>
                {all.length > 0 && !creating && (
                  <Select label={t('permits.book.site')} name="site" value={site?.code ?? ''} onChange={(code) => setParams({ site: code }, { replace: true })}>
                    {all.map((s) => <option key={s.id} value={s.code}>{localized(s.name, lang)}</option>)}
                  </Select>
                )}
                {all.length === 0 && !creating && <Alert kind="info">{t('permits.book.noSites')}</Alert>}
                {!creating && <p><button type="button" className="secondary small" onClick={() => setCreating(true)}>{t('permits.admin.newSite')}</button></p>}
              </>
            );
          }}
        </Loaded>
      </section>
      {creating && (
        <section className="card" aria-labelledby="new-site-title">
          <h2 id="new-site-title">{t('permits.admin.newSite')}</h2>
          <SiteForm site={null} onSaved={(s) => { setCreating(false); setParams({ site: s.code }, { replace: true }); }} />
          <button type="button" className="link-button" onClick={() => setCreating(false)}>{t('permits.cancelForm')}</button>
        </section>
      )}
      {!creating && sites.data && (() => {
        const site = sites.data.find((s) => s.code === params.get('site')) ?? sites.data[0];
        if (!site) return null;
        return (
          <div key={site.id} className="stack">
            <GenerateForm site={site} />
            <Templates site={site} />
            <section className="card" aria-labelledby="site-title">
              <h2 id="site-title">{t('permits.admin.settings')}</h2>
              <SiteForm key={JSON.stringify(site)} site={site} onSaved={() => undefined} />
            </section>
            <Gates site={site} />
            <RulesForm key={JSON.stringify(site.rules) + JSON.stringify(site.penalties)} site={site} />
            <Closures site={site} />
          </div>
        );
      })()}
    </div>
  );
}
