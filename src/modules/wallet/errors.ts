import { registerErrors, termSet } from '../../core/errors.ts';

const statementProblems = termSet('wallet.statementProblems');

/** The error codes of this module (registered into the one registry, src/core/errors.ts). */
export const walletErrors = registerErrors({
  'wallet.bad_statement': { status: 400, terms: { problem: statementProblems } },
  'wallet.insufficient_funds': { status: 409, money: ['missing', 'available', 'needed'] },
});

declare module '../../core/errors.ts' {
  interface ErrorCodes extends Record<keyof typeof walletErrors, true> {}
}
