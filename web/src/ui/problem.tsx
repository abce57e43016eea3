import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isNetworkProblem, toProblem, type Problem } from '../api/client.ts';
import { sar } from '../lib/format.ts';

export function Alert({ kind, children }: { kind: 'error' | 'success' | 'info' | 'warning'; children: ReactNode }) {
  return <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>{children}</div>;
}

/**
 * The one display of a failed call: the server's translated message, each
 * field's message, and where a problem has a next step, the step (a wallet
 * short of money offers a top-up of exactly the missing amount).
 */
export function ProblemAlert({ error, kind = 'error' }: { error: unknown; kind?: 'error' | 'info' }) {
  const { t } = useTranslation();
  if (error == null) return null;
  const problem = toProblem(error);
  return (
    <Alert kind={kind}>
      <p>{isNetworkProblem(problem) ? t('errors.network') : problem.title}</p>
      {problem.errors && problem.errors.length > 0 && (
        <ul>{problem.errors.map((e) => <li key={e.pointer}>{e.message}</li>)}</ul>
      )}
      <NextStep problem={problem} />
    </Alert>
  );
}

function NextStep({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  if (problem.code === 'wallet.insufficient_funds' && typeof problem.params?.missing === 'number') {
    const missing = problem.params.missing;
    return <p><Link className="button small primary" to={`/wallet?amount=${missing}`}>{t('errors.topUpMissing', { amount: sar(missing) })}</Link></p>;
  }
  if (problem.status === 401) return <p><Link to="/sign-in">{t('nav.signIn')}</Link></p>;
  return null;
}

/** Loading, then the data or the problem: the three states of every query, shown the same way everywhere. */
export function Loaded<T>({ query, children, empty }: {
  query: { data: T | undefined; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
  /** Shown instead of a problem for answers that mean "nothing here yet". */
  empty?: { when: (problem: Problem) => boolean; show: ReactNode };
}) {
  const { t } = useTranslation();
  if (query.error) {
    const problem = toProblem(query.error);
    if (empty?.when(problem)) return <>{empty.show}</>;
    return <ProblemAlert error={problem} />;
  }
  if (query.isPending || query.data === undefined) return <p className="muted" aria-live="polite">{t('app.loading')}</p>;
  return <>{children(query.data)}</>;
}
