import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { chooseLanguage, currentLanguage } from '../i18n/index.ts';
import { useSession, type Role } from '../lib/session.tsx';

interface NavItem {
  to: string;
  label: string;
}

/** The links each role works with, most used first. */
function navFor(role: Role | null, t: (k: string) => string, devMailbox: boolean): { main: NavItem[]; account: NavItem[] } {
  const pub: NavItem[] = [
    { to: '/catalogue', label: t('nav.catalogue') },
    { to: '/providers', label: t('nav.providers') },
    { to: '/draw', label: t('nav.draw') },
  ];
  const byRole: Record<Role, NavItem[]> = {
    pilgrim: [
      { to: '/pilgrim/profile', label: t('nav.myProfile') },
      { to: '/pilgrim/application', label: t('nav.application') },
      { to: '/bookings', label: t('nav.bookings') },
      { to: '/pilgrim/draw', label: t('nav.myDraw') },
      { to: '/wallet', label: t('nav.wallet') },
    ],
    provider_staff: [
      { to: '/provider', label: t('nav.provider') },
      { to: '/provider/bookings', label: t('nav.providerBookings') },
      { to: '/provider/payouts', label: t('nav.payouts') },
    ],
    ministry_officer: [
      { to: '/ministry/providers', label: t('nav.review') },
      { to: '/ministry/documents', label: t('nav.documents') },
      { to: '/ministry/seasons', label: t('nav.seasons') },
      { to: '/ministry/draw', label: t('nav.ministryDraw') },
      { to: '/ministry/finance', label: t('nav.finance') },
      { to: '/ministry/audit', label: t('nav.audit') },
    ],
    ministry_admin: [],
    mission_officer: [{ to: '/mission', label: t('nav.mission') }],
    gate_officer: [],
  };
  byRole.ministry_admin = [...byRole.ministry_officer, { to: '/ministry/staff', label: t('nav.staff') }];
  const main = role ? [...byRole[role], ...pub] : pub;
  const account: NavItem[] = role
    ? [{ to: '/dashboard', label: t('nav.dashboard') }, { to: '/profile', label: t('nav.profile') }]
    : [{ to: '/sign-in', label: t('nav.signIn') }, { to: '/sign-up', label: t('nav.signUp') }];
  if (devMailbox) account.push({ to: '/dev/mailbox', label: t('nav.mailbox') });
  return { main, account };
}

/**
 * Header with skip link, brand, language switch and the navigation, which on
 * a phone folds into a menu button so the page starts near the top; main
 * landmark; footer.
 */
export function Layout({ children, devMailbox }: { children: ReactNode; devMailbox: boolean }) {
  const { t } = useTranslation();
  const { account, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [location.pathname]);
  const other = currentLanguage() === 'ar' ? 'en' : 'ar';
  const nav = navFor(account?.role ?? null, t, devMailbox);
  return (
    <>
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="site-header">
        <Link to="/" className="brand" aria-label={t('nav.home')}>
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span>{t('app.name')}</span>
        </Link>
        <button type="button" className="lang-switch" lang={other} aria-label={t('app.switchLanguageLabel')} onClick={() => chooseLanguage(other)}>
          {t('app.switchLanguage')}
        </button>
        <button type="button" className="menu-button" aria-expanded={open} aria-controls="site-nav" onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true">☰</span> {t('nav.menu')}
        </button>
        <nav id="site-nav" aria-label={t('nav.main')} className={open ? 'open' : undefined}>
          <ul>
            {nav.main.map((n) => <li key={n.to}><NavLink to={n.to} end={n.to === '/provider'}>{n.label}</NavLink></li>)}
          </ul>
          <ul className="account-nav">
            {nav.account.map((n) => <li key={n.to}><NavLink to={n.to}>{n.label}</NavLink></li>)}
            {account && (
              <li>
                <button type="button" className="link-button" onClick={async () => { await signOut(); navigate('/'); }}>
                  {t('nav.signOut')}
                </button>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
      <footer className="site-footer">
        <p>{t('app.footer')} <a href="/docs">{t('app.apiDocs')}</a></p>
      </footer>
    </>
  );
}
