import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../../api/types';
import { grantableRoles, retentionDays, secretNameProblem, sortKeys } from './settingsLogic';

describe('settings helpers', () => {
  it('lets only owners grant the owner role', () => {
    expect(grantableRoles('owner')).toContain('owner');
    expect(grantableRoles('admin')).toEqual(['viewer', 'member', 'admin']);
    expect(grantableRoles('member')).toEqual([]);
    expect(grantableRoles(null)).toEqual([]);
  });

  it('checks secret names like the API', () => {
    expect(secretNameProblem('openai-key')).toBeNull();
    expect(secretNameProblem('a.b_c-1')).toBeNull();
    expect(secretNameProblem('OpenAI')).not.toBeNull();
    expect(secretNameProblem('-x')).not.toBeNull();
    expect(secretNameProblem('x'.repeat(129))).not.toBeNull();
  });

  it('reads retention days within 1 to 3650', () => {
    expect(retentionDays(' 30 ')).toBe(30);
    expect(retentionDays('0')).toMatch(/1 to 3650/);
    expect(retentionDays('3651')).toMatch(/1 to 3650/);
    expect(retentionDays('7.5')).toMatch(/whole/);
    expect(retentionDays('')).toMatch(/whole/);
  });

  it('lists active keys before revoked ones, newest first', () => {
    const key = (id: string, created: string, revoked: string | null): ApiKey => ({ id, name: id, public_key: `pk-${id}`, secret: 'sk-…', scopes: ['read'], created_by: null, created_at: created, last_used_at: null, revoked_at: revoked });
    const sorted = sortKeys([key('old', '2026-01-01', null), key('gone', '2026-03-01', '2026-03-02'), key('new', '2026-02-01', null)]);
    expect(sorted.map((k) => k.id)).toEqual(['new', 'old', 'gone']);
  });
});
