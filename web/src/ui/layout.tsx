import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { currentLanguage } from '../i18n/index.ts';
import { useSession } from '../lib/session.tsx';

/** Header with skip link, navigation and language switch; main landmark; footer. */
export function Layout({ children, devMailbox }: { children: ReactNode; devMailbox: boolean }) {
  const { t } = useTranslation();
  const { account, signOut, setLanguage } = useSession();
  const navigate = useNavigate();
  const other = currentLanguage() === 'ar' ? 'en' : 'ar';
  return (
    <>
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="site-header">
        <Link to="/" className="brand" aria-label={t('nav.home')}>
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span>{t('app.name')}</span>
        </Link>
        <nav aria-label={t('nav.main')}>
          <ul>
            <li><NavLink to="/catalogue">{t('nav.catalogue')}</NavLink></li>
            <li><NavLink to="/providers">{t('nav.providers')}</NavLink></li>
            <li><NavLink to="/draw">{t('nav.draw')}</NavLink></li>
            {account?.role === 'provider_staff' && <li><NavLink to="/provider">{t('nav.provider')}</NavLink></li>}
            {(account?.role === 'ministry_officer' || account?.role === 'ministry_admin') && <li><NavLink to="/ministry/providers">{t('nav.review')}</NavLink></li>}
            {account ? (
              <>
                <li><NavLink to="/dashboard">{t('nav.dashboard')}</NavLink></li>
                <li><NavLink to="/profile">{t('nav.profile')}</NavLink></li>
                <li>
                  <button type="button" className="link-button" onClick={async () => { await signOut(); navigate('/'); }}>
                    {t('nav.signOut')}
                  </button>
                </li>
              </>
            ) : (
              <>
                <li><NavLink to="/sign-in">{t('nav.signIn')}</NavLink></li>
                <li><NavLink to="/sign-up">{t('nav.signUp')}</NavLink></li>
              </>
            )}
            {devMailbox && <li><NavLink to="/dev/mailbox">{t('nav.mailbox')}</NavLink></li>}
          </ul>
        </nav>
        <button type="button" className="lang-switch" lang={other} aria-label={t('app.switchLanguageLabel')} onClick={() => void setLanguage(other)}>
          {t('app.switchLanguage')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
      <footer className="site-footer">
        <p>{t('app.footer')} <a href="/docs">{t('app.apiDocs')}</a></p>
      </footer>
    </>
  );
}
