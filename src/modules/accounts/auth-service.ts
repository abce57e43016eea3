import { createAuthContext } from './auth-context.ts';
import type { AccountsDeps } from './deps.ts';
import { passwordResetUseCases } from './password-reset.ts';
import { registerUseCases } from './register.ts';
import { signInUseCases } from './sign-in.ts';

export type { SignInResult } from './sign-in.ts';

/** Registration, email verification, sign-in and sign-out, password reset: one use case group per file. */
export function createAuthService(deps: AccountsDeps) {
  const c = createAuthContext(deps);
  return {
    sendTokenEmail: c.sendTokenEmail,
    ...registerUseCases(c),
    ...signInUseCases(c),
    ...passwordResetUseCases(c),
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
