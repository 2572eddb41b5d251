/**
 * Named rights. The access-control issue turns these into the full role model (DESIGN §5); for now
 * two built-in roles exist and every right a channel needs is listed here, so nothing is implicit.
 */
export const PERMISSIONS = ['install.read', 'users.manage', 'policy.manage', 'audit.read', 'fields.manage', 'data.import'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['admin', 'user'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  user: [],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
