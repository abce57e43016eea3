import { useTranslation } from 'react-i18next';
import type { OpenDataFile } from './types.ts';

const files: { file: OpenDataFile; key: string }[] = [
  { file: 'tables.csv', key: 'csv' },
  { file: 'tables.json', key: 'json' },
  { file: 'tables.sdmx.csv', key: 'sdmx' },
];

/** The season's tables as files anyone may download and reuse, with what each format is for. */
export function OpenData({ season }: { season: string }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="open-data-title">
      <h2 id="open-data-title">{t('statistics.openData')}</h2>
      <p>{t('statistics.openDataIntro')}</p>
      <ul className="review-list">
        {files.map(({ file, key }) => (
          <li key={file}>
            <a href={`/api/v1/statistics/hajj/${season}/open-data/${file}`} download={`manasik-hajj-${season}-${file}`}>
              {t(`statistics.formats.${key}.name`)} (<bdi dir="ltr">{file}</bdi>)
            </a>
            <p className="muted">{t(`statistics.formats.${key}.about`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
