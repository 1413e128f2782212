import { describe, expect, it } from 'vitest';
import { withQuery } from '../../api/client';
import { activeFilterCount, filtersFromSearch, filtersToQuery, filtersToSearch } from './callFilters';

describe('call filters in the URL', () => {
  it('round-trips every filter through the URL', () => {
    const search = new URLSearchParams(
      'range=7d&provider=openai&model=gpt-4o-mini&status=error&error_category=rate_limit&user_id=u-1&session_id=s-9&prompt=greeter&q=refund%20policy&tag=prod&tag=beta',
    );
    const filters = filtersFromSearch(search);
    expect(filters).toEqual({
      range: '7d',
      provider: 'openai',
      model: 'gpt-4o-mini',
      status: 'error',
      error_category: 'rate_limit',
      user_id: 'u-1',
      session_id: 's-9',
      prompt: 'greeter',
      q: 'refund policy',
      tags: ['prod', 'beta'],
    });
    expect(filtersToSearch(filters).toString()).toBe(search.toString());
    expect(activeFilterCount(filters)).toBe(9);
  });

  it('keeps the default range and empty values out of the URL', () => {
    const filters = filtersFromSearch(new URLSearchParams('range=24h&provider=%20%20&model='));
    expect(filters).toEqual({ range: '24h', tags: [] });
    expect(filtersToSearch(filters).toString()).toBe('');
  });

  it('treats explicit from/to as a custom range and ignores malformed dates and ranges', () => {
    const custom = filtersFromSearch(new URLSearchParams('range=1h&from=2026-05-01T00:00:00Z&to=2026-05-02T00:00:00Z'));
    expect(custom).toEqual({ range: 'custom', from: '2026-05-01T00:00:00Z', to: '2026-05-02T00:00:00Z', tags: [] });
    expect(filtersToSearch(custom).toString()).toBe('from=2026-05-01T00%3A00%3A00Z&to=2026-05-02T00%3A00%3A00Z');
    expect(filtersFromSearch(new URLSearchParams('from=yesterday&range=forever')).range).toBe('24h');
  });

  it('resolves a relative range into the API query at the given moment', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    const query = filtersToQuery(filtersFromSearch(new URLSearchParams('range=1h&status=error&tag=a&tag=b')), now);
    expect(query).toMatchObject({ from: '2026-05-01T11:00:00.000Z', status: 'error', tag: ['a', 'b'] });
    expect(withQuery('/api/v1/calls', { ...query, limit: 100 })).toBe(
      '/api/v1/calls?from=2026-05-01T11%3A00%3A00.000Z&status=error&tag=a&tag=b&limit=100',
    );
    expect(filtersToQuery(filtersFromSearch(new URLSearchParams('range=all')), now).from).toBeUndefined();
  });
});
