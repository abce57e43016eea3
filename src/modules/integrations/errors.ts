import { registerErrors, termSet } from '../../core/errors.ts';

const urlProblems = termSet('integrations.urlProblems');

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const integrationErrors = registerErrors({
  'integration.invalid_url': { status: 400, terms: { problem: urlProblems } },
  'integration.not_found': { status: 404 },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof integrationErrors, true> {}
}
