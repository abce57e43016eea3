import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router';
import { api } from './lib/api.ts';
import { SessionProvider, useSession } from './lib/session.tsx';
import { Layout } from './ui/layout.tsx';
import { SignInPage } from './features/auth/sign-in.tsx';
import { SignUpPage } from './features/auth/sign-up.tsx';
import { VerifyEmailPage } from './features/auth/verify-email.tsx';
import { ForgotPasswordPage, ResetPasswordPage } from './features/auth/password-reset.tsx';
import { ProfilePage } from './features/profile/profile.tsx';
import { DashboardPage } from './features/dashboard/dashboard.tsx';
import { MailboxPage } from './features/dev/mailbox.tsx';
import { CataloguePageView } from './features/catalogue/catalogue-page.tsx';
import { PackagePage } from './features/catalogue/package-page.tsx';
import { ComparePage } from './features/catalogue/compare-page.tsx';
import { ApprovedProvidersPage } from './features/providers/approved-page.tsx';
import { ApplyPage } from './features/providers/apply-page.tsx';
import { ConsolePage } from './features/provider-console/console-page.tsx';
import { PackageEditor } from './features/provider-console/package-editor.tsx';
import { ProviderReviewPage, ReviewQueuePage } from './features/ministry/review-page.tsx';
import type { Account } from './lib/api.ts';
import { PilgrimProfilePage } from './features/pilgrim/profile-page.tsx';
import { ApplicationPage } from './features/pilgrim/application-page.tsx';
import { DocumentReviewPage } from './features/ministry/documents-page.tsx';
import { SeasonAdminPage } from './features/ministry/season-page.tsx';
import { MissionPage } from './features/mission/mission-page.tsx';
import { PublicDrawPage } from './features/draw/public-draw-page.tsx';
import { MinistryDrawPage } from './features/draw/ministry-draw-page.tsx';
import { MyDrawPage } from './features/draw/my-draw-page.tsx';
import { WalletPage } from './features/wallet/wallet-page.tsx';
import { HostedPayPage } from './features/wallet/hosted-pay-page.tsx';

function RequireAccount({ children }: { children: ReactNode }) {
  const { account, loading } = useSession();
  const { t } = useTranslation();
  if (loading) return <p aria-live="polite">{t('app.loading')}</p>;
  return account ? <>{children}</> : <Navigate to="/sign-in" replace />;
}

/** Only for some roles; others are sent to their dashboard. */
function RequireRole({ roles, children }: { roles: Account['role'][]; children: (account: Account) => ReactNode }) {
  const { account, loading } = useSession();
  const { t } = useTranslation();
  if (loading) return <p aria-live="polite">{t('app.loading')}</p>;
  if (!account) return <Navigate to="/sign-in" replace />;
  return roles.includes(account.role) ? <>{children(account)}</> : <Navigate to="/dashboard" replace />;
}

function Home() {
  const { t } = useTranslation();
  const { account } = useSession();
  if (account) return <Navigate to="/dashboard" replace />;
  return (
    <section className="hero">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('app.tagline')}</p>
      <ul className="points">
        <li>{t('home.point1')}</li>
        <li>{t('home.point2')}</li>
        <li>{t('home.point3')}</li>
      </ul>
      <p className="actions">
        <Link className="button primary" to="/catalogue">{t('nav.catalogue')}</Link>
        <Link className="button secondary" to="/sign-up">{t('home.cta')}</Link>
        <span>{t('home.haveAccount')} <Link to="/sign-in">{t('nav.signIn')}</Link></span>
      </p>
    </section>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return <section className="card narrow"><h1>{t('notFound.title')}</h1><Link to="/">{t('notFound.back')}</Link></section>;
}

export function App() {
  // The development mailbox exists only on servers without SMTP.
  const [devMailbox, setDevMailbox] = useState(false);
  useEffect(() => {
    api('/dev/mailbox?to=probe%40example.org').then(() => setDevMailbox(true), () => setDevMailbox(false));
  }, []);
  return (
    <BrowserRouter>
      <SessionProvider>
        <Layout devMailbox={devMailbox}>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/sign-up" element={<SignUpPage devMailbox={devMailbox} />} />
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/verify-email" element={<VerifyEmailPage />} />
            <Route path="/forgot-password" element={<ForgotPasswordPage />} />
            <Route path="/reset-password" element={<ResetPasswordPage />} />
            <Route path="/dashboard" element={<RequireAccount><DashboardPage /></RequireAccount>} />
            <Route path="/profile" element={<RequireAccount><ProfilePage /></RequireAccount>} />
            <Route path="/dev/mailbox" element={<MailboxPage />} />
            <Route path="/catalogue" element={<CataloguePageView />} />
            <Route path="/catalogue/:id" element={<PackagePage />} />
            <Route path="/compare" element={<ComparePage />} />
            <Route path="/providers" element={<ApprovedProvidersPage />} />
            <Route path="/provider/apply" element={<RequireRole roles={['pilgrim', 'provider_staff']}>{() => <ApplyPage />}</RequireRole>} />
            <Route path="/provider" element={<RequireRole roles={['provider_staff']}>{(a) => <ConsolePage account={a} />}</RequireRole>} />
            <Route path="/provider/packages/new" element={<RequireRole roles={['provider_staff']}>{() => <PackageEditor />}</RequireRole>} />
            <Route path="/provider/packages/:id" element={<RequireRole roles={['provider_staff']}>{() => <PackageEditor />}</RequireRole>} />
            <Route path="/pilgrim/profile" element={<RequireRole roles={['pilgrim']}>{() => <PilgrimProfilePage />}</RequireRole>} />
            <Route path="/pilgrim/application" element={<RequireRole roles={['pilgrim']}>{() => <ApplicationPage />}</RequireRole>} />
            <Route path="/ministry/documents" element={<RequireRole roles={['ministry_officer', 'ministry_admin']}>{() => <DocumentReviewPage />}</RequireRole>} />
            <Route path="/ministry/seasons" element={<RequireRole roles={['ministry_officer', 'ministry_admin']}>{() => <SeasonAdminPage />}</RequireRole>} />
            <Route path="/mission" element={<RequireRole roles={['mission_officer']}>{(a) => <MissionPage account={a} />}</RequireRole>} />
            <Route path="/ministry/providers" element={<RequireRole roles={['ministry_officer', 'ministry_admin']}>{() => <ReviewQueuePage />}</RequireRole>} />
            <Route path="/ministry/providers/:id" element={<RequireRole roles={['ministry_officer', 'ministry_admin']}>{() => <ProviderReviewPage />}</RequireRole>} />
            <Route path="/draw" element={<PublicDrawPage />} />
            <Route path="/draw/:season" element={<PublicDrawPage />} />
            <Route path="/pilgrim/draw" element={<RequireRole roles={['pilgrim']}>{() => <MyDrawPage />}</RequireRole>} />
            <Route path="/ministry/draw" element={<RequireRole roles={['ministry_officer', 'ministry_admin']}>{() => <MinistryDrawPage />}</RequireRole>} />
            <Route path="/wallet" element={<RequireRole roles={['pilgrim']}>{() => <WalletPage />}</RequireRole>} />
            <Route path="/pay/sim/:id" element={<HostedPayPage />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Layout>
      </SessionProvider>
    </BrowserRouter>
  );
}
