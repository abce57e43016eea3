export { accountErrors } from './errors.ts';
export { createAuthService, type AuthService } from './auth-service.ts';
export { createAccountService, type AccountService, type NewStaff } from './account-service.ts';
export { scryptHasher, type PasswordHasher } from './password-hasher.ts';
export { authRoutes, staffRoutes } from './routes.ts';
export type { AccountView, AccountsDeps } from './deps.ts';
export { AccountSchema } from './schemas.ts';
export { CreateStaffBody } from './schemas.ts';
