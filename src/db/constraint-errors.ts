import { AppError, type ErrorCode, type ErrorParams } from '../core/errors.ts';

/**
 * What a unique or foreign-key constraint means to the person who broke it.
 *
 * A rule such as "one account per email" is checked twice: by a read in the
 * service, for a precise answer, and by a constraint, for the race two
 * requests run between that read and the insert. When the race is lost the
 * database's refusal must still become the same precise answer, never a 500:
 * each module registers the meaning of its constraints here, and the problem
 * handler translates any violation that reaches it.
 *
 * @example explainConstraints({ accounts_email_normalized_key: 'account.email_taken' })
 */
type Meaning = ErrorCode | readonly [ErrorCode, ErrorParams];
const meanings = new Map<string, Meaning>();

export function explainConstraints(map: Record<string, Meaning>) {
  for (const [constraint, meaning] of Object.entries(map)) meanings.set(constraint, meaning);
}

/** The registered meaning of a constraint violation (SQLSTATE 23xxx), or null. */
export function constraintProblem(error: unknown): AppError | null {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  if (typeof e?.code !== 'string' || !e.code.startsWith('23') || typeof e.constraint !== 'string') return null;
  const meaning = meanings.get(e.constraint);
  if (!meaning) return null;
  const [code, params] = typeof meaning === 'string' ? [meaning, {}] : meaning;
  return new AppError(code, params, { cause: error });
}
