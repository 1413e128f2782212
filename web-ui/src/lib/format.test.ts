import { describe, expect, it } from 'vitest';
import { formatChange, formatCount, formatDuration, formatPercent, formatRelative, formatTimestamp, formatUsd } from './format';

describe('formatUsd', () => {
  it('shows cents for normal amounts and enough digits for tiny ones', () => {
    expect(formatUsd(1234.5)).toBe('$1,234.50');
    expect(formatUsd('0.0042')).toBe('$0.0042');
    expect(formatUsd(0.000018)).toBe('$0.000018');
    expect(formatUsd(0)).toBe('$0.00');
  });
  it('never shows an unknown price as zero', () => {
    expect(formatUsd(null)).toBe('—');
    expect(formatUsd('not a number')).toBe('—');
  });
});

describe('formatDuration', () => {
  it('picks the unit by size', () => {
    expect(formatDuration(840)).toBe('840 ms');
    expect(formatDuration(1250)).toBe('1.25 s');
    expect(formatDuration(12_340)).toBe('12.3 s');
    expect(formatDuration(125_000)).toBe('2 m 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 m');
    expect(formatDuration(null)).toBe('—');
  });
});

describe('counts, percentages and changes', () => {
  it('groups digits and compacts big counts on request', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(1_234_567, { compact: true })).toBe('1.2M');
    expect(formatCount(9_999, { compact: true })).toBe('9,999');
  });
  it('formats ratios and signed changes', () => {
    expect(formatPercent(0.9731)).toBe('97.3%');
    expect(formatChange(0.124)).toBe('+12.4%');
    expect(formatChange(-0.05)).toBe('−5.0%');
    expect(formatChange(0)).toBe('0.0%');
    expect(formatChange(null)).toBe('—');
  });
});

describe('times', () => {
  it('prints UTC timestamps without locale surprises', () => {
    expect(formatTimestamp('2026-05-01T14:03:07.123Z', 'utc')).toBe('2026-05-01 14:03:07');
    expect(formatTimestamp('garbage', 'utc')).toBe('—');
  });
  it('says how long ago', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    expect(formatRelative('2026-05-01T11:59:57Z', now)).toBe('3 s ago');
    expect(formatRelative('2026-05-01T11:55:00Z', now)).toBe('5 min ago');
    expect(formatRelative('2026-04-27T12:00:00Z', now)).toBe('4 d ago');
  });
});
