import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n/index.ts';
import { useSession } from '../../lib/session.tsx';
import { AuditPanel } from './audit-panel.tsx';
import { StaffForm } from './staff-form.tsx';

/** One dashboard per role: empty for now, each names what the next modules will bring. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { account } = useSession();
  if (!account) return null;
  const country = account.countryCode
    ? new Intl.DisplayNames([currentLanguage()], { type: 'region' }).of(account.countryCode)
    : '';
  return (
    <div className="stack">
      <section className="card" aria-labelledby="dash-title">
        <p className="muted">{t('dashboard.greeting', { name: account.displayName })}</p>
        <h1 id="dash-title">{t(`dashboard.${account.role}.title`, { country })}</h1>
        <p className="role-badge">{t(`roles.${account.role}`)}</p>
        {account.role === 'pilgrim' && (
          <p className="actions">
            <Link className="button primary" to="/pilgrim/profile">{t('nav.myProfile')}</Link>
            <Link className="button secondary" to="/pilgrim/application">{t('nav.application')}</Link>
            <Link className="button secondary" to="/pilgrim/draw">{t('nav.myDraw')}</Link>
            <Link className="button secondary" to="/wallet">{t('nav.wallet')}</Link>
            <Link to="/catalogue">{t('nav.catalogue')}</Link>
            <Link to="/provider/apply">{t('providers.applyLink')}</Link>
          </p>
        )}
        {account.role === 'mission_officer' && <p><Link className="button primary" to="/mission">{t('nav.mission')}</Link></p>}
        {account.role === 'provider_staff' && <p><Link className="button primary" to="/provider">{t('console.title')}</Link></p>}
        {(account.role === 'ministry_officer' || account.role === 'ministry_admin') && (
          <p className="actions">
            <Link className="button primary" to="/ministry/providers">{t('review.title')}</Link>
            <Link className="button secondary" to="/ministry/documents">{t('nav.documents')}</Link>
            <Link className="button secondary" to="/ministry/seasons">{t('nav.seasons')}</Link>
            <Link className="button secondary" to="/ministry/draw">{t('nav.ministryDraw')}</Link>
          </p>
        )}
        <h2>{t('dashboard.comingSoon')}</h2>
        <ul className="upcoming">
          {t(`dashboard.${account.role}.items`).split(' · ').map((item) => <li key={item}>{item}</li>)}
        </ul>
      </section>
      {account.role === 'ministry_admin' && <StaffForm />}
      {(account.role === 'ministry_admin' || account.role === 'ministry_officer') && <AuditPanel />}
    </div>
  );
}
