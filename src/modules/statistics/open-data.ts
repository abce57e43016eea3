import { writeCsv } from '../../core/csv.ts';
import type { Dimension, StatTable } from '../../common/statistics.ts';

/**
 * The open data downloads of a season's tables (docs/statistics.md, "Open
 * data"): plain CSV, JSON, and SDMX-CSV 2.0 with one column per dimension
 * (`_T` where a table does not break down by it), the value, its unit, and
 * its status and confidentiality (CONF_STATUS: F free, C withheld under the
 * small-cell rule, D withheld so that a C cannot be worked out).
 */
export const openDataFiles = ['tables.csv', 'tables.json', 'tables.sdmx.csv'] as const;
export type OpenDataFile = (typeof openDataFiles)[number];

export const SDMX_DATAFLOW = 'MANASIK:HAJJ_PILGRIMS(1.0.0)';
const sdmxDimensions: [string, Dimension | 'season'][] = [
  ['SEASON', 'season'], ['RESIDENCE', 'residence'], ['SEX', 'gender'], ['REGION', 'region'], ['NATIONALITY', 'nationality'], ['ARRIVAL_MODE', 'arrival_mode'],
  ['ENTRY_PORT', 'entry_port'], ['ARRIVAL_DATE', 'arrival_date'], ['MAKKAH_ROUTE', 'makkah_route'], ['AGE', 'age_band'], ['DEPARTURE_PORT', 'departure_port'], ['DEPARTURE_DATE', 'departure_date'],
];
/** Codes as SDMX writes them: SDMX's own for sex and age, upper case for the rest. */
function sdmxCode(dim: Dimension, value: string): string {
  switch (dim) {
    case 'gender': return value === 'male' ? 'M' : value === 'female' ? 'F' : value;
    case 'makkah_route': return value === 'yes' ? 'Y' : 'N';
    case 'region': return { arab: 'ARAB', asia: 'ASIA', africa: 'AFRICA', europeAmericasOceania: 'EUR_AM_OC' }[value] ?? value;
    case 'age_band': return value === '90+' ? 'Y_GE90' : `Y${value.replace('-', 'T')}`;
    case 'arrival_date': case 'departure_date': case 'nationality': case 'entry_port': case 'departure_port': return value;
    default: return value.toUpperCase();
  }
}

export function tablesCsv(season: string, tables: StatTable[]): string {
  const width = Math.max(...tables.map((t) => t.dimensions.length), 2);
  const header = ['season', 'table', 'population', ...Array.from({ length: width }, (_, i) => [`dimension_${i + 1}`, `code_${i + 1}`]).flat(), 'value', 'flag'];
  const rows = tables.flatMap((t) => t.cells.map((c) => [
    season, t.id, t.population, ...Array.from({ length: width }, (_, i) => [t.dimensions[i] ?? '', c.key[i] ?? '']).flat(), c.value, c.flag ?? '',
  ]));
  return writeCsv(header, rows);
}

export function tablesSdmxCsv(season: string, tables: StatTable[]): string {
  const header = ['STRUCTURE', 'STRUCTURE_ID', 'ACTION', ...sdmxDimensions.map(([id]) => id), 'STAT_MEASURE', 'OBS_VALUE', 'UNIT_MEASURE', 'OBS_STATUS', 'CONF_STATUS'];
  const seen = new Set<string>();
  const rows: unknown[][] = [];
  for (const t of tables) {
    for (const c of t.cells) {
      const dims = sdmxDimensions.map(([, dim]) => {
        if (dim === 'season') return season;
        const i = t.dimensions.indexOf(dim as Dimension);
        if (i >= 0) return sdmxCode(dim as Dimension, c.key[i]!);
        return dim === 'residence' && t.population === 'foreign' ? 'FOREIGN' : '_T';
      });
      const measure = t.population === 'departed' ? 'DEPARTURES' : 'PILGRIMS';
      const id = [...dims, measure].join(',');
      if (seen.has(id)) continue; // the same observation in two tables (e.g. a total)
      seen.add(id);
      rows.push(['dataflow', SDMX_DATAFLOW, 'I', ...dims, measure, c.value, 'PS', 'A', c.flag ?? 'F']);
    }
  }
  return writeCsv(header, rows);
}
