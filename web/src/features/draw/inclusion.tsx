import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyProof, type ProofStep } from '../../../../src/shared/draw/merkle.ts';
import { api, ApiError } from '../../lib/api.ts';
import { Alert } from '../../ui/form.tsx';

/**
 * Checks, in the browser, that an application's record is in the committed
 * set: the proof comes from the server, the hashing is done here, and the
 * root compared is the one published at the freeze.
 */
export function InclusionCheck({ season, root, initialId = '' }: { season: string; root: string; initialId?: string }) {
  const { t } = useTranslation();
  const [id, setId] = useState(initialId);
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'error'; text: string; record?: string } | null>(null);

  async function check(event: React.FormEvent) {
    event.preventDefault();
    setOutcome(null);
    try {
      const p = await api<{ record: string; proof: ProofStep[]; merkleRoot: string }>(`/seasons/${season}/draw/proof/${id.trim()}`);
      const ok = p.merkleRoot === root && verifyProof(p.record, p.proof, root);
      setOutcome(ok ? { kind: 'success', text: t('draw.included', { steps: p.proof.length }), record: p.record } : { kind: 'error', text: t('draw.notIncluded') });
    } catch (e) {
      setOutcome({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
    }
  }

  return (
    <form onSubmit={check} className="stack">
      <div className="field">
        <label htmlFor="inclusion-id">{t('draw.applicationId')}</label>
        <input id="inclusion-id" dir="ltr" value={id} onChange={(e) => setId(e.target.value)} placeholder="00000000-0000-0000-0000-000000000000" />
      </div>
      <button type="submit" className="secondary">{t('draw.checkInclusion')}</button>
      {outcome && <Alert kind={outcome.kind}>{outcome.text}</Alert>}
      {outcome?.record && <p className="hash" dir="ltr">{outcome.record}</p>}
    </form>
  );
}
