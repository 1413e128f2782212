import type { ProjectRole } from '../api/types';

const RANK: Record<ProjectRole, number> = { viewer: 1, member: 2, admin: 3, owner: 4 };

/** Whether the caller may do something, and if not, a sentence saying why (shown next to the disabled control). */
export interface Permission {
  allowed: boolean;
  reason: string | null;
}

/** Who is signed in, as far as permissions go: a user with a role in the current project, or an API key. */
export type Principal = { kind: 'user'; role: ProjectRole | null } | { kind: 'key' } | null;

/** True when `role` is at least `required` (owner > admin > member > viewer), as the API ranks them. */
export function atLeast(role: ProjectRole | null | undefined, required: ProjectRole): boolean {
  return role != null && RANK[role] >= RANK[required];
}

const ARTICLE: Record<ProjectRole, string> = { viewer: 'a viewer', member: 'a member', admin: 'an admin', owner: 'an owner' };

/**
 * Whether a principal may call a route that needs `required` (a project role). The console signs an
 * API key in read-only, so a key is never allowed a write here even when its scopes would let it.
 */
export function permission(principal: Principal, required: ProjectRole): Permission {
  if (!principal) return { allowed: false, reason: 'Sign in first.' };
  if (principal.kind === 'key') return { allowed: false, reason: 'Signed in with an API key, which is read-only here: sign in with your account to make changes.' };
  if (atLeast(principal.role, required)) return { allowed: true, reason: null };
  const you = principal.role ? `you are ${ARTICLE[principal.role]} of this project` : 'your role in this project is not known yet';
  return { allowed: false, reason: `Needs the ${required} role or higher; ${you}.` };
}
