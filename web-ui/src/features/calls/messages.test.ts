import { describe, expect, it } from 'vitest';
import { messageText, toMessages } from './messages';

describe('call messages', () => {
  it('reads chat arrays, single messages and plain text', () => {
    expect(toMessages([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }], 'user')).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ]);
    expect(toMessages({ role: 'assistant', content: 'Hello!' }, 'assistant')).toEqual([{ role: 'assistant', content: 'Hello!' }]);
    expect(toMessages('plain prompt', 'user')).toEqual([{ role: 'user', content: 'plain prompt' }]);
    expect(toMessages(null, 'user')).toEqual([]);
  });

  it('joins text parts and names other parts', () => {
    expect(messageText([{ type: 'text', text: 'Look:' }, { type: 'image_url', image_url: { url: 'x' } }])).toBe('Look:\n[image_url]');
    expect(messageText({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
