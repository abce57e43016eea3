import type { paths } from '../../api/openapi';

/** The statistics answers, as the generated client types them (never copied by hand). */
type Ok<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type SeasonList = Ok<'/api/v1/statistics/hajj', 'get'>;
export type SeasonEntry = SeasonList[number];
export type Figures = NonNullable<SeasonEntry['official']>;
export type SeasonTables = Ok<'/api/v1/statistics/hajj/{season}', 'get'>;
export type CountryTables = Ok<'/api/v1/statistics/hajj/{season}/mission', 'get'>;
export type StatTable = SeasonTables['tables'][number];
export type StatCell = StatTable['cells'][number];
export type Flag = NonNullable<StatCell['flag']>;
export type Dimension = StatTable['dimensions'][number];
export type Labels = SeasonTables['labels'];
export type UmrahYear = Ok<'/api/v1/statistics/umrah/{year}', 'get'>;
export type BatchResult = Ok<'/api/v1/statistics/hajj/{season}/imports', 'post'>;
export type BatchList = Ok<'/api/v1/statistics/hajj/{season}/imports', 'get'>;
export type OpenDataFile = paths['/api/v1/statistics/hajj/{season}/open-data/{file}']['get']['parameters']['path']['file'];
