-- Per-minute rollups, updated in the same transaction as the raw insert. Dashboards and alerts read
-- these; every column merges by addition, so any range is the sum of its minutes.

-- Element-wise sum of two count arrays (histograms); a missing side counts as zeros.
create function argus_array_add(a bigint[], b bigint[]) returns bigint[]
    language sql immutable parallel safe as
$$
select coalesce(array_agg(coalesce(x, 0) + coalesce(y, 0) order by i), '{}')
from unnest(a, b) with ordinality as t(x, y, i)
$$;

-- Key-wise sum of two {"key": count} objects.
create function argus_jsonb_add_counts(a jsonb, b jsonb) returns jsonb
    language sql immutable parallel safe as
$$
select coalesce(jsonb_object_agg(k, v), '{}'::jsonb)
from (select k, sum(v::bigint) as v
      from (select key as k, value as v from jsonb_each_text(coalesce(a, '{}'))
            union all
            select key, value from jsonb_each_text(coalesce(b, '{}'))) parts
      group by k) sums
$$;

create table call_rollup_minute (
    project_id               uuid           not null,
    minute                   timestamptz    not null,
    provider                 text           not null,
    model                    text           not null,
    prompt_name              text,
    prompt_version           integer,
    calls                    bigint         not null default 0,
    success_calls            bigint         not null default 0,
    error_calls              bigint         not null default 0,
    cancelled_calls          bigint         not null default 0,
    -- {"rate_limit": 3, "timeout": 1, ...}
    errors_by_category       jsonb          not null default '{}',
    input_tokens             bigint         not null default 0,
    output_tokens            bigint         not null default 0,
    cache_read_input_tokens  bigint         not null default 0,
    cache_write_input_tokens bigint         not null default 0,
    reasoning_tokens         bigint         not null default 0,
    cost_usd                 numeric(24, 12) not null default 0,
    unpriced_calls           bigint         not null default 0,
    latency_sum_ms           bigint         not null default 0,
    latency_max_ms           bigint         not null default 0,
    -- counts per fixed log-scale bucket (dev.argus.core.ingest.LatencyHistogram), mergeable by addition
    latency_histogram        bigint[]       not null,
    ttft_sum_ms              bigint         not null default 0,
    ttft_calls               bigint         not null default 0,
    constraint call_rollup_minute_key
        unique nulls not distinct (project_id, minute, provider, model, prompt_name, prompt_version)
);
