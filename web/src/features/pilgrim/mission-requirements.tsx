import { useTranslation } from 'react-i18next';
import { pickText } from '../../../../src/common/i18n.ts';
import { $api } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { countryName } from '../../lib/format.ts';
import { LocalizedText } from '../catalogue/localized-text.tsx';

/**
 * What the mission of the pilgrim's country of residence asks of its
 * pilgrims, in the pilgrim's language when the mission wrote it, else in the
 * nearest one it did write, marked as such.
 */
export function MissionRequirements({ country }: { country: string }) {
  const { t } = useTranslation();
  const query = $api.useQuery('get', '/api/v1/missions/{country}/requirements', { params: { path: { country } } });
  const texts = Object.fromEntries((query.data ?? []).map((r) => [r.language, r.body]));
  if (Object.keys(texts).length === 0) return null;
  const picked = pickText(texts, currentLanguage());
  return (
    <section className="card" aria-labelledby="mission-requirements-title">
      <h2 id="mission-requirements-title">{t('pilgrim.missionRequirements', { country: countryName(country) })}</h2>
      <LocalizedText text={picked.text} language={picked.language} block />
    </section>
  );
}
