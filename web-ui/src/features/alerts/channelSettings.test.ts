import { describe, expect, it } from 'vitest';
import { channelSettings } from './channelSettings';

describe('channelSettings', () => {
  it('sends the filled-in known fields and the extra rows', () => {
    expect(channelSettings('webhook', { url: ' https://hooks.example/a ', secret: '' }, [{ key: 'timeout', value: '5s' }, { key: '', value: '' }])).toEqual({
      url: 'https://hooks.example/a',
      timeout: '5s',
    });
  });

  it('names a missing required field, a nameless row and a repeated name', () => {
    expect(channelSettings('email', { host: 'smtp.example.com', from: 'a@example.com' }, [])).toBe('To is required.');
    expect(channelSettings('custom', {}, [{ key: '', value: 'x' }])).toBe('Setting 1 needs a name.');
    expect(channelSettings('webhook', { url: 'https://x' }, [{ key: 'url', value: 'https://y' }])).toBe('url is set twice.');
  });

  it('takes free rows only for an extension it does not know', () => {
    expect(channelSettings('pagerduty', { url: 'ignored' }, [{ key: 'routing_key', value: 'abc' }])).toEqual({ routing_key: 'abc' });
  });
});
