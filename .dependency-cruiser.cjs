/**
 * The walls between the parts of Manasik (docs/ARCHITECTURE.md, "Walls"),
 * checked by `npm run lint` and in CI. Zero exceptions: a rule that must bend
 * is changed here with its reason, and listed in the architecture document.
 */
const inModule = '^src/modules/([^/]+)/';
const moduleIndex = '^src/modules/[^/]+/index\\.ts$';
module.exports = {
  forbidden: [
    {
      name: 'module-through-index',
      comment: 'Another module is used only through its index.ts.',
      severity: 'error',
      from: { path: inModule },
      to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', moduleIndex] },
    },
    {
      name: 'outside-through-index',
      comment: 'Code outside the modules (app, workflows, CLI, benchmarks, browser tests) uses a module only through its index.ts.',
      severity: 'error',
      from: { path: '^(src/(?!modules/)|bench/|e2e/)' },
      to: { path: '^src/modules/', pathNot: moduleIndex },
    },
    {
      name: 'common-is-self-contained',
      comment: 'src/common runs in the browser too: it imports nothing of the server.',
      severity: 'error',
      from: { path: '^src/common/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/', pathNot: '^src/common/' },
    },
    {
      name: 'core-imports-nothing-above',
      comment: 'src/core is the bottom of the server: only src/common and the text catalogs (src/i18n) beneath it.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/', pathNot: ['^src/core/', '^src/common/', '^src/i18n/'] },
    },
    {
      name: 'catalogs-import-nothing-above',
      comment: 'src/i18n (the per-language text catalogs and their reader) sits beside src/common: it imports nothing else of the server.',
      severity: 'error',
      from: { path: '^src/i18n/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/', pathNot: ['^src/i18n/', '^src/common/'] },
    },
    {
      name: 'db-knows-no-module',
      comment: 'src/db is infrastructure: it knows no module (each module declares its own tables by declaration merging).',
      severity: 'error',
      from: { path: '^src/db/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(modules|http|workflows|cli)/|^src/(app|services|server)\\.ts$' },
    },
    {
      name: 'http-knows-no-module',
      comment: 'src/http is the HTTP infrastructure every module plugs into; it knows no module.',
      severity: 'error',
      from: { path: '^src/http/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(modules|workflows|cli)/|^src/(services|server)\\.ts$' },
    },
    {
      name: 'modules-below-workflows',
      comment: 'Modules know no workflow and no composition root: processes that span modules call modules, never the reverse.',
      severity: 'error',
      from: { path: '^src/modules/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(workflows|cli)/|^src/(app|services|server)\\.ts$' },
    },
    {
      name: 'web-no-server-internals',
      comment: 'The web app imports only itself, src/common and the client generated from the OpenAPI document.',
      severity: 'error',
      from: { path: '^web/src/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/', pathNot: '^src/common/' },
    },
    {
      name: 'no-circular',
      comment: 'No cycles between files.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|test-artifacts)/|^src/tmp/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
