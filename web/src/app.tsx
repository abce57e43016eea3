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

function RequireAccount({ children }: { children: ReactNode }) {
  const { account, loading } = useSession();
  const { t } = useTranslation();
  if (loading) return <p aria-live="polite">{t('app.loading')}</p>;
  return account ? <>{children}</> : <Navigate to="/sign-in" replace />;
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
        <Link className="button primary" to="/sign-up">{t('home.cta')}</Link>
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
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Layout>
      </SessionProvider>
    </BrowserRouter>
  );
}
