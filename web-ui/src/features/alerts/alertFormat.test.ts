import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../../api/types';
import { NEW_RULE, describeCondition, formToRule, formatMetric, ruleToForm } from './alertFormat';

describe('alert rule form', () => {
  it('builds the API body in seconds with empty filters as null', () => {
    const body = formToRule({ ...NEW_RULE, name: ' Errors high ', threshold: '0.05', window_minutes: '10', for_minutes: '2', model: ' gpt-4o ' });
    expect(body).toEqual({
      name: 'Errors high',
      metric: 'error_rate',
      provider: null,
      model: 'gpt-4o',
      prompt_name: null,
      window_seconds: 600,
      comparator: 'gt',
      threshold: 0.05,
      for_seconds: 120,
      cooldown_seconds: 1800,
      severity: 'warning',
      channel_ids: [],
      enabled: true,
    });
  });

  it('names the first problem, as the API would refuse it', () => {
    expect(formToRule({ ...NEW_RULE, threshold: '1' })).toMatch(/Name/);
    expect(formToRule({ ...NEW_RULE, name: 'x', threshold: 'abc' })).toMatch(/Threshold/);
    expect(formToRule({ ...NEW_RULE, name: 'x', threshold: '1', window_minutes: '0' })).toMatch(/Window .* from 1 to 10080/);
    expect(formToRule({ ...NEW_RULE, name: 'x', threshold: '1', window_minutes: '1.5' })).toMatch(/Window/);
    expect(formToRule({ ...NEW_RULE, name: 'x', threshold: '1', for_minutes: '1441' })).toMatch(/Pending for/);
  });

  it('round-trips a stored rule through the form', () => {
    const rule: AlertRule = {
      id: 'r1',
      name: 'Slow',
      metric: 'latency_p95',
      provider: 'openai',
      model: null,
      prompt_name: null,
      window_seconds: 300,
      comparator: 'gte',
      threshold: 2000,
      for_seconds: 60,
      cooldown_seconds: 0,
      severity: 'critical',
      channel_ids: ['c1'],
      enabled: false,
      state: 'ok',
      last_value: null,
      last_evaluated_at: null,
      created_at: '',
      updated_at: '',
    };
    const { id: _id, state: _s, last_value: _l, last_evaluated_at: _e, created_at: _c, updated_at: _u, ...input } = rule;
    expect(formToRule(ruleToForm(rule))).toEqual(input);
  });

  it('describes conditions in the metric’s own units', () => {
    expect(describeCondition({ metric: 'error_rate', comparator: 'gt', threshold: 0.05, window_seconds: 300, for_seconds: 120 })).toBe('Error rate > 5.0% over 5 min, for 2 min');
    expect(describeCondition({ metric: 'latency_p95', comparator: 'gte', threshold: 2500, window_seconds: 3600, for_seconds: 0 })).toBe('Latency p95 ≥ 2.50 s over 1 h');
    expect(formatMetric('cost', 1.5)).toBe('$1.50');
    expect(formatMetric('unknown', 3)).toBe('3');
    expect(formatMetric('cost', null)).toBe('—');
  });
});
