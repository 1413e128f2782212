-- Recorded model calls: the fact table. Partitioned by day on started_at so retention drops
-- partitions; a default partition catches rows outside the created range so an insert never fails.
-- Keys start with project_id (distribution by project later). Ids are UUIDv7 (time-ordered).

create table llm_calls (
    project_id               uuid        not null,
    id                       uuid        not null,
    started_at               timestamptz not null,
    ended_at                 timestamptz not null,
    received_at              timestamptz not null default now(),
    provider                 text        not null,
    model                    text        not null,
    status                   text        not null check (status in ('success', 'error', 'cancelled')),
    error_category           text,
    error_message            text,
    error_http_status        integer,
    latency_ms               bigint      not null check (latency_ms >= 0),
    time_to_first_token_ms   bigint,
    input_tokens             bigint      not null default 0,
    output_tokens            bigint      not null default 0,
    cache_read_input_tokens  bigint      not null default 0,
    cache_write_input_tokens bigint      not null default 0,
    reasoning_tokens         bigint      not null default 0,
    -- null when the model has no price; price_missing says so explicitly
    cost_usd                 numeric(24, 12),
    price_missing            boolean     not null default false,
    user_id                  text,
    session_id               text,
    trace_id                 text,
    span_id                  text,
    parent_span_id           text,
    prompt_name              text,
    prompt_version           integer,
    tags                     text[]      not null default '{}',
    metadata                 jsonb       not null default '{}',
    -- the "input" and "output" exactly as ingested (chat messages or text)
    request                  jsonb,
    response                 jsonb,
    rate_limit               jsonb,
    input_text               text,
    output_text              text,
    -- 'simple' config: no stemming or stop words, so any word of any language is found as written;
    -- texts are cut to stay below tsvector's 1 MB limit
    search                   tsvector generated always as (
        to_tsvector('simple'::regconfig,
            left(coalesce(input_text, ''), 200000) || ' ' || left(coalesce(output_text, ''), 200000))) stored,
    primary key (project_id, started_at, id)
) partition by range (started_at);

create table llm_calls_default partition of llm_calls default;

-- Explorer filters: each selective equality filter has (project_id, column, started_at, id) so a page
-- of the newest matching calls is read in index order; tags and full text use GIN.
create index llm_calls_model_idx on llm_calls (project_id, model, started_at, id);
create index llm_calls_provider_idx on llm_calls (project_id, provider, started_at, id);
create index llm_calls_user_idx on llm_calls (project_id, user_id, started_at, id) where user_id is not null;
create index llm_calls_session_idx on llm_calls (project_id, session_id, started_at, id) where session_id is not null;
create index llm_calls_prompt_idx on llm_calls (project_id, prompt_name, prompt_version, started_at, id)
    where prompt_name is not null;
create index llm_calls_status_idx on llm_calls (project_id, status, started_at, id) where status <> 'success';
create index llm_calls_error_idx on llm_calls (project_id, error_category, started_at, id)
    where error_category is not null;
create index llm_calls_trace_idx on llm_calls (project_id, trace_id) where trace_id is not null;
create index llm_calls_latency_idx on llm_calls (project_id, latency_ms);
create index llm_calls_cost_idx on llm_calls (project_id, cost_usd) where cost_usd is not null;
create index llm_calls_tags_idx on llm_calls using gin (tags);
create index llm_calls_search_idx on llm_calls using gin (search);

-- One row per stored call id, not partitioned: makes client-supplied ids idempotent across
-- partitions (a partitioned table's unique keys must contain started_at) and finds a call's
-- partition from its id alone.
create table llm_call_ids (
    project_id uuid        not null,
    id         uuid        not null,
    started_at timestamptz not null,
    primary key (project_id, id)
);

-- Creates the partition for one UTC day. Rows of that day already in the default partition are
-- moved into the new partition (otherwise PostgreSQL refuses to create it). Returns whether a
-- partition was created. Callers serialise through an advisory lock.
create function llm_calls_ensure_partition(day date) returns boolean
    language plpgsql as
$$
declare
    part text        := 'llm_calls_p' || to_char(day, 'YYYYMMDD');
    lo   timestamptz := day::timestamp at time zone 'UTC';
    hi   timestamptz := (day + 1)::timestamp at time zone 'UTC';
    cols text;
begin
    if to_regclass(part) is not null then
        return false;
    end if;
    if exists (select 1 from llm_calls_default where started_at >= lo and started_at < hi) then
        select string_agg(quote_ident(attname), ', ' order by attnum) into cols
        from pg_attribute
        where attrelid = 'llm_calls'::regclass and attnum > 0 and not attisdropped and attgenerated = '';
        alter table llm_calls detach partition llm_calls_default;
        execute format('create table %I partition of llm_calls for values from (%L) to (%L)', part, lo, hi);
        execute format('insert into llm_calls (%s) select %s from llm_calls_default where started_at >= $1 and started_at < $2',
                       cols, cols) using lo, hi;
        delete from llm_calls_default where started_at >= lo and started_at < hi;
        alter table llm_calls attach partition llm_calls_default default;
    else
        execute format('create table %I partition of llm_calls for values from (%L) to (%L)', part, lo, hi);
    end if;
    return true;
end
$$;

select llm_calls_ensure_partition((current_date + d)::date) from generate_series(-1, 7) as d;

-- Work that must run on one node at a time (partition maintenance) takes this transaction-scoped lock.
create function argus_try_xact_lock(name text) returns boolean
    language sql volatile as
$$
select pg_try_advisory_xact_lock(hashtext(name))
$$;
