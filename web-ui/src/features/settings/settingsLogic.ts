import type { ApiKey, ProjectRole } from '../../api/types';

export const ROLES: ProjectRole[] = ['viewer', 'member', 'admin', 'owner'];

/** Roles a caller may give or take away: only owners touch the owner role (the API refuses otherwise). */
export function grantableRoles(mine: ProjectRole | null): ProjectRole[] {
  if (mine === 'owner') return ROLES;
  if (mine === 'admin') return ['viewer', 'member', 'admin'];
  return [];
}

/** Secret names the API accepts: 1 to 128 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit. */
export function secretNameProblem(name: string): string | null {
  return /^[a-z0-9][a-z0-9._-]{0,127}$/.test(name) ? null : 'Use 1 to 128 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit.';
}

/** Reads the retention field: a whole number of days from 1 to 3650, or a problem. */
export function retentionDays(text: string): number | string {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(n) || n < 1 || n > 3650) return 'Enter a whole number of days from 1 to 3650.';
  return n;
}

/** Active keys first (newest first), then revoked ones. */
export function sortKeys(keys: ApiKey[]): ApiKey[] {
  return [...keys].sort((a, b) => Number(a.revoked_at !== null) - Number(b.revoked_at !== null) || b.created_at.localeCompare(a.created_at));
}
