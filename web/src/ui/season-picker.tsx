import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { $api } from '../api/client.ts';
import { seasonLabel } from '../lib/format.ts';
import { Select } from './fields.tsx';

/**
 * The season a season-scoped page shows: the one in the address (?season=),
 * else the first of `preferred` that exists (the seasons the person is
 * involved in, most relevant first), else the newest. The picker lists every
 * season so any other can be chosen.
 */
export function useSeasonChoice(preferred: readonly (string | null | undefined)[] = []) {
  const [params, setParams] = useSearchParams();
  const seasons = $api.useQuery('get', '/api/v1/seasons');
  const codes = (seasons.data ?? []).map((s) => s.code).sort().reverse();
  const asked = params.get('season');
  const chosen = (asked && codes.includes(asked) ? asked : null) ?? preferred.find((p): p is string => !!p && codes.includes(p)) ?? codes[0] ?? null;
  const season = seasons.data?.find((s) => s.code === chosen) ?? null;
  const choose = (code: string) => {
    const next = new URLSearchParams(params);
    next.set('season', code);
    setParams(next, { replace: true });
  };
  return { season, code: chosen, codes, choose, loading: seasons.isPending };
}

export function SeasonPicker({ codes, value, onChange }: { codes: string[]; value: string | null; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  if (codes.length <= 1) return null;
  return (
    <div className="season-picker">
      <Select label={t('common.season')} name="season" value={value ?? ''} onChange={onChange}>
        {codes.map((c) => <option key={c} value={c}>{seasonLabel(c)}</option>)}
      </Select>
    </div>
  );
}
