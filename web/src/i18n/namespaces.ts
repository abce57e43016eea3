/** The namespaces the texts are split into (web/src/i18n/<language>/<namespace>.json), one per feature. */
export const namespaces = ['common', 'auth', 'dashboard', 'catalogue', 'providers', 'pilgrim', 'ministry', 'mission', 'draw', 'wallet', 'permits', 'gate', 'statistics', 'observatory'] as const;
export type Namespace = (typeof namespaces)[number];
