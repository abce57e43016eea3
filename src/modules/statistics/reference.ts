import fs from 'node:fs';
import path from 'node:path';
import { isCountry } from '../../core/countries.ts';
import { regions, type ArrivalMode, type Region } from '../../common/statistics.ts';

/**
 * The reference data the statistics read, kept as data in the repository
 * (data/*.json) and checked once when loaded: the region grouping, the ports of
 * entry, the Makkah Route's countries, the Umrah targets and the simulator's
 * modelling assumptions.
 */
const dataDir = path.resolve(import.meta.dirname, '../../../data');
const read = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(dataDir, name), 'utf8')) as T;

export interface Port {
  code: string;
  mode: ArrivalMode;
  name: { en: string; ar: string };
  neighbours: string[];
}

export interface SimulationProfile {
  nationalityWeights: Record<string, number>;
  domesticNationalities: Record<string, number>;
  landShare: Record<string, number>;
  seaShare: Record<string, number>;
  airPorts: Record<string, number>;
  maleShare: Record<'domestic' | Region, number>;
  ageBands: { from: number; to: number; foreign: number; domestic: number }[];
  arrivalCurves: Record<'JED' | 'MED' | 'land' | 'sea' | 'domestic', [number, number][]>;
  departure: { curve: [number, number][]; jedToMed: number };
}

export interface Reference {
  regionOf(nationality: string): Region;
  countriesOf(region: Region): string[];
  ports: Port[];
  port(code: string): Port | undefined;
  makkahRouteCountries(season: string): Set<string>;
  umrahTargets: { year: number; foreignUmrahPilgrims: number }[];
  simulation: SimulationProfile;
}

function load(): Reference {
  const grouping = read<{ regions: Record<Exclude<Region, 'europeAmericasOceania'>, string[]>; rest: Region }>('nationality-regions.json');
  const byCountry = new Map<string, Region>();
  for (const [region, codes] of Object.entries(grouping.regions) as [Region, string[]][]) {
    for (const code of codes) {
      if (!isCountry(code)) throw new Error(`data/nationality-regions.json: ${code} is not a country`);
      if (byCountry.has(code)) throw new Error(`data/nationality-regions.json: ${code} is in two regions`);
      byCountry.set(code, region);
    }
  }
  const simulation = read<SimulationProfile>('season-simulation.json');
  const ports = read<{ ports: (Omit<Port, 'neighbours'> & { neighbours?: string[] })[] }>('entry-ports.json').ports.map((p) => ({ ...p, neighbours: p.neighbours ?? [] }));
  const byPort = new Map(ports.map((p) => [p.code, p]));
  const routes = read<{ seasons: Record<string, string[]> }>('makkah-route.json').seasons;
  const routeSeasons = Object.keys(routes).sort();
  const countriesOf = (region: Region) =>
    Object.keys(simulation.nationalityWeights).filter((c) => (byCountry.get(c) ?? grouping.rest) === region).sort();
  for (const region of regions) if (countriesOf(region).length === 0) throw new Error(`data/season-simulation.json: no nationality of region ${region}`);
  return {
    regionOf: (nationality) => byCountry.get(nationality) ?? grouping.rest,
    countriesOf,
    ports,
    port: (code) => byPort.get(code),
    makkahRouteCountries(season) {
      const listed = routeSeasons.filter((s) => s <= season).at(-1) ?? routeSeasons[0];
      return new Set(listed ? routes[listed] : []);
    },
    umrahTargets: read<{ targets: Reference['umrahTargets'] }>('umrah-targets.json').targets,
    simulation,
  };
}

let loaded: Reference | undefined;
/** The reference data, read from data/ once per process. */
export const reference = (): Reference => (loaded ??= load());
