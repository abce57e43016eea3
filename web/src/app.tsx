import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, matchPath, Navigate, Route, Routes } from 'react-router';
import { $api, queryClient } from './api/client.ts';
import i18next, { type Namespace } from './i18n/index.ts';
import { useOperations, type Operation } from './lib/operations.ts';
import { useSession, type Account } from './lib/session.tsx';
import { Layout } from './ui/layout.tsx';

/**
 * Every page is its own chunk, loaded with its texts when first visited, so a
 * pilgrim's phone downloads neither the ministry console nor its words.
 */
type Page = ComponentType<{ account: Account }>;
function page(load: () => Promise<Record<string, unknown>>, name: string) {
  return Object.assign(lazy(async () => ({ default: (await load())[name] as Page })), { preload: load });
}

interface PageRoute {
  path: string;
  page: ReturnType<typeof page>;
  /** The texts the page needs (besides `common`). */
  ns: Namespace[];
  /** The operation the page is for (only accounts whose role may call it open the page), or any signed-in account; absent means anyone. */
  needs?: Operation | 'signed-in';
}

const routes: PageRoute[] = [
  { path: '/sign-up', page: page(() => import('./features/auth/sign-up.tsx'), 'SignUpPage'), ns: ['auth'] },
  { path: '/sign-in', page: page(() => import('./features/auth/sign-in.tsx'), 'SignInPage'), ns: ['auth'] },
  { path: '/verify-email', page: page(() => import('./features/auth/verify-email.tsx'), 'VerifyEmailPage'), ns: ['auth'] },
  { path: '/forgot-password', page: page(() => import('./features/auth/password-reset.tsx'), 'ForgotPasswordPage'), ns: ['auth'] },
  { path: '/reset-password', page: page(() => import('./features/auth/password-reset.tsx'), 'ResetPasswordPage'), ns: ['auth'] },
  { path: '/dev/mailbox', page: page(() => import('./features/dev/mailbox.tsx'), 'MailboxPage'), ns: ['auth'] },
  { path: '/dashboard', page: page(() => import('./features/dashboard/dashboard.tsx'), 'DashboardPage'), ns: ['dashboard', 'providers', 'pilgrim'], needs: 'signed-in' },
  { path: '/profile', page: page(() => import('./features/profile/profile.tsx'), 'ProfilePage'), ns: ['auth'], needs: 'signed-in' },
  { path: '/catalogue', page: page(() => import('./features/catalogue/catalogue-page.tsx'), 'CataloguePageView'), ns: ['catalogue'] },
  { path: '/catalogue/:id', page: page(() => import('./features/catalogue/package-page.tsx'), 'PackagePage'), ns: ['catalogue', 'observatory'] },
  { path: '/compare', page: page(() => import('./features/catalogue/compare-page.tsx'), 'ComparePage'), ns: ['catalogue'] },
  { path: '/providers', page: page(() => import('./features/providers/approved-page.tsx'), 'ApprovedProvidersPage'), ns: ['providers', 'observatory'] },
  { path: '/provider/apply', page: page(() => import('./features/providers/apply-page.tsx'), 'ApplyPage'), ns: ['providers'], needs: 'POST /api/v1/providers' },
  { path: '/provider', page: page(() => import('./features/provider-console/console-page.tsx'), 'ConsolePage'), ns: ['providers', 'catalogue'], needs: 'GET /api/v1/provider/bookings' },
  { path: '/provider/packages/new', page: page(() => import('./features/provider-console/package-editor.tsx'), 'PackageEditor'), ns: ['providers', 'catalogue'], needs: 'POST /api/v1/packages' },
  { path: '/provider/packages/:id', page: page(() => import('./features/provider-console/package-editor.tsx'), 'PackageEditor'), ns: ['providers', 'catalogue'], needs: 'PUT /api/v1/packages/{id}' },
  { path: '/provider/bookings', page: page(() => import('./features/provider-console/bookings-page.tsx'), 'ProviderBookingsPage'), ns: ['providers', 'draw'], needs: 'GET /api/v1/provider/bookings' },
  { path: '/provider/payouts', page: page(() => import('./features/provider-console/payouts-page.tsx'), 'PayoutsPage'), ns: ['providers', 'wallet'], needs: 'GET /api/v1/provider/payouts' },
  { path: '/pilgrim/profile', page: page(() => import('./features/pilgrim/profile-page.tsx'), 'PilgrimProfilePage'), ns: ['pilgrim'], needs: 'GET /api/v1/pilgrim/profile' },
  { path: '/pilgrim/application', page: page(() => import('./features/pilgrim/application-page.tsx'), 'ApplicationPage'), ns: ['pilgrim', 'catalogue'], needs: 'GET /api/v1/applications/mine' },
  { path: '/pilgrim/draw', page: page(() => import('./features/draw/my-draw-page.tsx'), 'MyDrawPage'), ns: ['draw', 'wallet'], needs: 'GET /api/v1/seasons/{code}/draw/mine' },
  { path: '/bookings', page: page(() => import('./features/bookings/my-bookings-page.tsx'), 'MyBookingsPage'), ns: ['draw', 'wallet'], needs: 'GET /api/v1/me/bookings' },
  { path: '/bookings/:id', page: page(() => import('./features/bookings/booking-page.tsx'), 'BookingPage'), ns: ['draw', 'wallet'], needs: 'GET /api/v1/me/bookings/{id}' },
  { path: '/wallet', page: page(() => import('./features/wallet/wallet-page.tsx'), 'WalletPage'), ns: ['wallet'], needs: 'GET /api/v1/wallet' },
  { path: '/pay/sim/:id', page: page(() => import('./features/wallet/hosted-pay-page.tsx'), 'HostedPayPage'), ns: ['wallet'] },
  { path: '/draw', page: page(() => import('./features/draw/public-draw-page.tsx'), 'PublicDrawPage'), ns: ['draw'] },
  { path: '/draw/:season', page: page(() => import('./features/draw/public-draw-page.tsx'), 'PublicDrawPage'), ns: ['draw'] },
  { path: '/statistics', page: page(() => import('./features/statistics/statistics-page.tsx'), 'StatisticsPage'), ns: ['statistics'] },
  { path: '/statistics/umrah', page: page(() => import('./features/statistics/umrah-page.tsx'), 'UmrahStatisticsPage'), ns: ['statistics'] },
  { path: '/statistics/records', page: page(() => import('./features/statistics/records-page.tsx'), 'StatisticsRecordsPage'), ns: ['statistics'], needs: 'POST /api/v1/statistics/hajj/{season}/imports' },
  { path: '/mission/statistics', page: page(() => import('./features/statistics/mission-statistics-page.tsx'), 'MissionStatisticsPage'), ns: ['statistics'], needs: 'GET /api/v1/statistics/hajj/{season}/mission' },
  { path: '/mission', page: page(() => import('./features/mission/mission-page.tsx'), 'MissionPage'), ns: ['mission', 'draw', 'pilgrim', 'statistics'], needs: 'GET /api/v1/missions/overview' },
  { path: '/permits', page: page(() => import('./features/permits/book-page.tsx'), 'PermitBookPage'), ns: ['permits'], needs: 'POST /api/v1/permits/bookings' },
  // Opens offline (no session to ask then): the page checks the account itself when there is a network.
  { path: '/permits/mine', page: page(() => import('./features/permits/my-permits-page.tsx'), 'MyPermitsPage'), ns: ['permits'] },
  { path: '/gate', page: page(() => import('./features/gate/gate-page.tsx'), 'GatePage'), ns: ['gate'] },
  { path: '/ministry/permits', page: page(() => import('./features/permits/ministry/admin-page.tsx'), 'PermitsAdminPage'), ns: ['permits'], needs: 'POST /api/v1/permits/sites' },
  { path: '/ministry/permits/occupancy', page: page(() => import('./features/permits/ministry/occupancy-page.tsx'), 'OccupancyPage'), ns: ['permits'], needs: 'GET /api/v1/permits/sites/{siteId}/occupancy' },
  { path: '/ministry/providers', page: page(() => import('./features/ministry/review-page.tsx'), 'ReviewQueuePage'), ns: ['providers', 'ministry'], needs: 'GET /api/v1/providers' },
  { path: '/ministry/providers/:id', page: page(() => import('./features/ministry/review-page.tsx'), 'ProviderReviewPage'), ns: ['providers', 'ministry'], needs: 'POST /api/v1/providers/{id}/approve' },
  { path: '/ministry/documents', page: page(() => import('./features/ministry/documents-page.tsx'), 'DocumentReviewPage'), ns: ['ministry', 'pilgrim'], needs: 'GET /api/v1/documents/review-queue' },
  { path: '/ministry/seasons', page: page(() => import('./features/ministry/season-page.tsx'), 'SeasonAdminPage'), ns: ['ministry', 'pilgrim'], needs: 'PUT /api/v1/seasons/{code}' },
  { path: '/ministry/finance', page: page(() => import('./features/ministry/finance-page.tsx'), 'FinancePage'), ns: ['ministry', 'wallet'], needs: 'POST /api/v1/wallet/bank-statements' },
  { path: '/ministry/draw', page: page(() => import('./features/draw/ministry-draw-page.tsx'), 'MinistryDrawPage'), ns: ['draw'], needs: 'POST /api/v1/seasons/{code}/draw/freeze' },
  { path: '/s/:token', page: page(() => import('./features/observatory/survey-page.tsx'), 'SurveyLinkPage'), ns: ['observatory'] },
  { path: '/surveys', page: page(() => import('./features/observatory/survey-page.tsx'), 'MySurveysPage'), ns: ['observatory'], needs: 'GET /api/v1/me/surveys' },
  { path: '/surveys/:id', page: page(() => import('./features/observatory/survey-page.tsx'), 'MySurveyPage'), ns: ['observatory'], needs: 'GET /api/v1/me/surveys' },
  { path: '/complaints', page: page(() => import('./features/observatory/complaints-page.tsx'), 'ComplaintsPage'), ns: ['observatory'], needs: 'GET /api/v1/complaints' },
  { path: '/complaints/new', page: page(() => import('./features/observatory/complaints-page.tsx'), 'NewComplaintPage'), ns: ['observatory'], needs: 'POST /api/v1/complaints' },
  { path: '/complaints/:id', page: page(() => import('./features/observatory/complaints-page.tsx'), 'ComplaintPage'), ns: ['observatory'], needs: 'GET /api/v1/complaints' },
  { path: '/inspect', page: page(() => import('./features/observatory/inspect-page.tsx'), 'InspectPage'), ns: ['observatory'], needs: 'GET /api/v1/observatory/inspections/checklists' },
  { path: '/observatory', page: page(() => import('./features/observatory/observatory-page.tsx'), 'ObservatoryPage'), ns: ['observatory', 'statistics'], needs: 'GET /api/v1/observatory/indicators' },
  { path: '/ministry/audit', page: page(() => import('./features/dashboard/audit-page.tsx'), 'AuditPage'), ns: ['dashboard'], needs: 'GET /api/v1/audit' },
  { path: '/ministry/staff', page: page(() => import('./features/dashboard/staff-page.tsx'), 'StaffPage'), ns: ['dashboard'], needs: 'POST /api/v1/staff' },
];

/**
 * The first page's chunk and texts, asked for as soon as the app starts rather than after the shell's texts, then
 * the page's texts, then the page, have each arrived: on a slow link every step waits a round trip (docs/benchmarks.md, web).
 */
function preloadFirstPage() {
  const route = routes.find((r) => matchPath(r.path, window.location.pathname));
  if (!route) return;
  // Texts first: the shell waits for the common ones, the page for its own, and the browser takes six files at a time.
  void i18next.loadNamespaces(['common', ...route.ns]);
  void route.page.preload();
}
preloadFirstPage();

function Loading() {
  const { t } = useTranslation();
  return <p className="muted" aria-live="polite">{t('app.loading')}</p>;
}

/** Loads the page's texts (suspending until they are there), then checks who may see it. */
function Guarded({ route }: { route: PageRoute }) {
  useTranslation(route.ns);
  const { account, loading } = useSession();
  const operations = useOperations();
  if (route.needs) {
    if (loading || operations.loading) return <Loading />;
    if (!account) return <Navigate to="/sign-in" replace />;
    if (route.needs !== 'signed-in' && !operations.can(route.needs)) return <Navigate to="/dashboard" replace />;
  }
  const Page = route.page;
  return <Page account={account as Account} />;
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

function Shell({ children }: { children: ReactNode }) {
  // The development mailbox exists only on servers without SMTP; the server says so (no probing request that may fail).
  const server = $api.useQuery('get', '/api/v1/meta/server', {}, { staleTime: Infinity });
  return <Layout devMailbox={server.data?.devMailbox === true}>{children}</Layout>;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Suspense fallback={null}>
          <Shell>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/" element={<Home />} />
                {routes.map((r) => <Route key={r.path} path={r.path} element={<Guarded route={r} />} />)}
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Suspense>
          </Shell>
        </Suspense>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
