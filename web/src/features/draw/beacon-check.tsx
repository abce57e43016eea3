import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../ui/problem.tsx';

/**
 * The random value checked in the reader's browser: the published
 * commitment.json and seed.json, byte for byte, through the very checks
 * `manasik draw verify` makes (src/common/draw/value-check.ts), the beacon's
 * BLS signature verified against the public key shipped with this page's code.
 * The pairing code is loaded only here.
 */
export function BeaconCheck({ season }: { season: string }) {
  const { t } = useTranslation();
  const checks = useQuery({
    queryKey: ['draw-value-checks', season],
    staleTime: Infinity,
    queryFn: async () => {
      const file = async (name: string) => {
        const res = await fetch(`/api/v1/seasons/${season}/draw/files/${name}`, { credentials: 'same-origin' });
        if (!res.ok) throw new Error(`${name}: ${res.status}`);
        return res.text();
      };
      const [commitment, seed, { checkValueFiles }] = await Promise.all([file('commitment.json'), file('seed.json'), import('../../../../src/common/draw/value-check.ts')]);
      return checkValueFiles(commitment, seed);
    },
  });
  if (checks.isPending) return <p className="muted" aria-live="polite">{t('draw.beacon.checking')}</p>;
  if (checks.error || !checks.data) return <Alert kind="warning">{t('draw.beacon.unavailable')}</Alert>;
  const failed = checks.data.find((c) => c.outcome === 'failed');
  const unchecked = checks.data.some((c) => c.outcome === 'unchecked');
  return (
    <div className="stack" aria-live="polite">
      <Alert kind={failed ? 'error' : unchecked ? 'warning' : 'success'}>
        {failed ? t('draw.beacon.failed') : unchecked ? t('draw.beacon.declared') : t('draw.beacon.passed')}
      </Alert>
      <ul className="checks-list">
        {checks.data.map((c) => (
          <li key={c.code} className={`check-${c.outcome}`}>
            <span aria-hidden="true">{c.outcome === 'passed' ? '✓' : c.outcome === 'failed' ? '✗' : '?'}</span>{' '}
            <span className="visually-hidden">{t(`draw.beacon.outcomes.${c.outcome}`)}: </span>
            {t(`draw.beacon.checks.${c.code}`)}
            {c.outcome !== 'passed' && <p className="hash" dir="ltr">{c.detail}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}
