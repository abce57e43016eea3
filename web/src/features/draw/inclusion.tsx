import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyProof } from '../../../../src/common/draw/merkle.ts';
import { call, client } from '../../api/client.ts';
import { Alert, ProblemAlert } from '../../ui/problem.tsx';

/**
 * Checks, in the browser, that an application's record is in the committed
 * set: the proof comes from the server, the hashing is done here, and the
 * root compared is the one published at the freeze.
 */
export function InclusionCheck({ season, root, initialId = '' }: { season: string; root: string; initialId?: string }) {
  const { t } = useTranslation();
  const [id, setId] = useState(initialId);
  const [outcome, setOutcome] = useState<{ ok: boolean; steps: number; record: string } | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  async function check(event: FormEvent) {
    event.preventDefault();
    setOutcome(null);
    setProblem(null);
    try {
      const p = await call(client.GET('/api/v1/seasons/{code}/draw/proof/{applicationId}', { params: { path: { code: season, applicationId: id.trim() } } }));
      const ok = p.merkleRoot === root && verifyProof(p.record, p.proof as Parameters<typeof verifyProof>[1], root);
      setOutcome({ ok, steps: p.proof.length, record: p.record });
    } catch (e) {
      setProblem(e);
    }
  }

  return (
    <form onSubmit={check} className="stack">
      <div className="field">
        <label htmlFor="inclusion-id">{t('draw.applicationId')}</label>
        <input id="inclusion-id" dir="ltr" value={id} onChange={(e) => setId(e.target.value)} placeholder="00000000-0000-0000-0000-000000000000" />
      </div>
      <button type="submit" className="secondary">{t('draw.checkInclusion')}</button>
      <ProblemAlert error={problem} />
      {outcome && <Alert kind={outcome.ok ? 'success' : 'error'}>{outcome.ok ? t('draw.included', { count: outcome.steps }) : t('draw.notIncluded')}</Alert>}
      {outcome?.ok && <p className="hash" dir="ltr">{outcome.record}</p>}
    </form>
  );
}
