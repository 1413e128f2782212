import { describe, expect, it } from 'vitest';
import { atLeast, permission } from './permissions';

describe('permissions', () => {
  it('ranks roles like the API: owner > admin > member > viewer', () => {
    expect(atLeast('owner', 'admin')).toBe(true);
    expect(atLeast('admin', 'admin')).toBe(true);
    expect(atLeast('member', 'admin')).toBe(false);
    expect(atLeast('viewer', 'member')).toBe(false);
    expect(atLeast(null, 'viewer')).toBe(false);
  });

  it('allows a user with enough role and explains a refusal otherwise', () => {
    expect(permission({ kind: 'user', role: 'member' }, 'member')).toEqual({ allowed: true, reason: null });
    const refused = permission({ kind: 'user', role: 'viewer' }, 'admin');
    expect(refused.allowed).toBe(false);
    expect(refused.reason).toBe('Needs the admin role or higher; you are a viewer of this project.');
  });

  it('keeps API key sessions read-only and refuses when signed out', () => {
    expect(permission({ kind: 'key' }, 'viewer').allowed).toBe(false);
    expect(permission({ kind: 'key' }, 'viewer').reason).toMatch(/API key/);
    expect(permission(null, 'viewer').allowed).toBe(false);
    expect(permission({ kind: 'user', role: null }, 'member').reason).toMatch(/not known yet/);
  });
});
