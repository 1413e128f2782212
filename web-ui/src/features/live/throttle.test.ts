import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once, then collapses a burst into one trailing run', () => {
    const fn = vi.fn();
    const t = throttle(fn, 1000);
    t.run();
    expect(fn).toHaveBeenCalledTimes(1);
    t.run();
    t.run();
    t.run();
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('cancel drops the pending run', () => {
    const fn = vi.fn();
    const t = throttle(fn, 1000);
    t.run();
    t.run();
    t.cancel();
    vi.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
