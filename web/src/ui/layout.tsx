import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useOperations, type Operation } from '../lib/operations.ts';
import { useSession } from '../lib/session.tsx';
import { AppNotices } from './app-notices.tsx';
import { LanguagePicker } from './language-picker.tsx';

interface NavItem {
  to: string;
  label: string;
  /** The operation the page is for: the link shows when the account's role may call it (GET /me/operations). */
  needs?: Operation;
}

/** Every page of the navigation, most used first; which ones an account sees comes from the API. */
function navItems(t: (k: string) => string): NavItem[] {
  return [
    { to: '/pilgrim/profile', label: t('nav.myProfile'), needs: 'GET /api/v1/pilgrim/profile' },
    { to: '/pilgrim/application', label: t('nav.application'), needs: 'GET /api/v1/applications/mine' },
    { to: '/bookings', label: t('nav.bookings'), needs: 'GET /api/v1/me/bookings' },
    { to: '/pilgrim/draw', label: t('nav.myDraw'), needs: 'GET /api/v1/seasons/{code}/draw/mine' },
    { to: '/wallet', label: t('nav.wallet'), needs: 'GET /api/v1/wallet' },
    { to: '/permits/mine', label: t('nav.myPermits'), needs: 'GET /api/v1/me/permits' },
    { to: '/permits', label: t('nav.bookPermit'), needs: 'POST /api/v1/permits/bookings' },
    { to: '/gate', label: t('nav.gate'), needs: 'POST /api/v1/permits/gates/{gateId}/scans' },
    { to: '/provider', label: t('nav.provider'), needs: 'GET /api/v1/provider/bookings' },
    { to: '/provider/bookings', label: t('nav.providerBookings'), needs: 'GET /api/v1/provider/bookings' },
    { to: '/provider/payouts', label: t('nav.payouts'), needs: 'GET /api/v1/provider/payouts' },
    { to: '/mission', label: t('nav.mission'), needs: 'GET /api/v1/missions/overview' },
    { to: '/ministry/providers', label: t('nav.review'), needs: 'POST /api/v1/providers/{id}/approve' },
    { to: '/ministry/documents', label: t('nav.documents'), needs: 'GET /api/v1/documents/review-queue' },
    { to: '/ministry/seasons', label: t('nav.seasons'), needs: 'PUT /api/v1/seasons/{code}' },
    { to: '/ministry/draw', label: t('nav.ministryDraw'), needs: 'POST /api/v1/seasons/{code}/draw/freeze' },
    { to: '/ministry/permits', label: t('nav.permitsAdmin'), needs: 'POST /api/v1/permits/sites' },
    { to: '/ministry/permits/occupancy', label: t('nav.occupancy'), needs: 'GET /api/v1/permits/sites/{siteId}/occupancy' },
    { to: '/ministry/finance', label: t('nav.finance'), needs: 'POST /api/v1/wallet/bank-statements' },
    { to: '/ministry/audit', label: t('nav.audit'), needs: 'GET /api/v1/audit' },
    { to: '/ministry/staff', label: t('nav.staff'), needs: 'POST /api/v1/staff' },
    { to: '/statistics/records', label: t('nav.statisticsRecords'), needs: 'POST /api/v1/statistics/hajj/{season}/imports' },
    { to: '/catalogue', label: t('nav.catalogue') },
    { to: '/providers', label: t('nav.providers') },
    { to: '/draw', label: t('nav.draw') },
    { to: '/statistics', label: t('nav.statistics') },
  ];
}

/**
 * Header with skip link, brand, language picker and the navigation, which on
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
  const { can } = useOperations();
  const main = navItems(t).filter((n) => !n.needs || can(n.needs));
  const accountNav: NavItem[] = account
    ? [{ to: '/dashboard', label: t('nav.dashboard') }, { to: '/profile', label: t('nav.profile') }]
    : [{ to: '/sign-in', label: t('nav.signIn') }, { to: '/sign-up', label: t('nav.signUp') }];
  if (devMailbox) accountNav.push({ to: '/dev/mailbox', label: t('nav.mailbox') });
  return (
    <>
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="site-header">
        {/* Named by its visible text first (what a voice-control user says), then where it leads. */}
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span>{t('app.name')}</span>
          <span className="visually-hidden"> — {t('nav.home')}</span>
        </Link>
        <LanguagePicker />
        <button type="button" className="menu-button" aria-expanded={open} aria-controls="site-nav" onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true">☰</span> {t('nav.menu')}
        </button>
        <nav id="site-nav" aria-label={t('nav.main')} className={open ? 'open' : undefined}>
          <ul>
            {main.map((n) => <li key={n.to}><NavLink to={n.to} end={n.to === '/provider'}>{n.label}</NavLink></li>)}
          </ul>
          <ul className="account-nav">
            {accountNav.map((n) => <li key={n.to}><NavLink to={n.to}>{n.label}</NavLink></li>)}
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
      <AppNotices />
      <main id="main" tabIndex={-1}>{children}</main>
      <footer className="site-footer">
        <p>{t('app.footer')} <a href="/docs">{t('app.apiDocs')}</a></p>
      </footer>
    </>
  );
}
