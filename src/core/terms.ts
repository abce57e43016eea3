import { termSet } from './errors.ts';

/** The names of the roles, for messages that mention one. */
export const roleTerms = termSet('core.roleTerms');
