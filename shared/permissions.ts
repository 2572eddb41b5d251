/**
 * The names the channels ask for: the task rights of the access model (shared/access), and the
 * built-in role ids. Custom roles made by admins have ids too; the core knows them.
 */
import { BUILT_IN_ROLE_IDS, TASKS, type Task } from './access';

export const PERMISSIONS = TASKS;
export type Permission = Task;

/** The built-in roles; custom roles add to these at run time. */
export const ROLES = BUILT_IN_ROLE_IDS as readonly string[];
export type Role = string;
