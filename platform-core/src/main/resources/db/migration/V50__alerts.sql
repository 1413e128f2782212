-- Alerting: named channel configurations, rules over the minute rollups with their evaluation state,
-- the history of fired and resolved events, and one delivery row per event and channel.

create table alert_channels (
    id            uuid primary key default gen_random_uuid(),
    project_id    uuid        not null references projects (id) on delete cascade,
    name          text        not null,
    extension_id  text        not null,
    -- settings that are not secret; secret fields live in the secret store as alert.channel.<id>.<field>
    settings      jsonb       not null default '{}',
    secret_fields text[]      not null default '{}',
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint alert_channels_name_key unique (project_id, name)
);

create table alert_rules (
    id                uuid primary key default gen_random_uuid(),
    project_id        uuid             not null references projects (id) on delete cascade,
    name              text             not null,
    metric            text             not null,
    provider          text,
    model             text,
    prompt_name       text,
    window_seconds    integer          not null,
    comparator        text             not null,
    threshold         double precision not null,
    for_seconds       integer          not null default 0,
    cooldown_seconds  integer          not null default 0,
    severity          text             not null,
    channel_ids       uuid[]           not null default '{}',
    enabled           boolean          not null default true,
    -- evaluation state: ok, pending, firing or resolved
    state             text             not null default 'ok',
    pending_since     timestamptz,
    last_value        double precision,
    last_evaluated_at timestamptz,
    last_fired_at     timestamptz,
    created_at        timestamptz      not null default now(),
    updated_at        timestamptz      not null default now(),
    constraint alert_rules_name_key unique (project_id, name)
);

create table alert_events (
    id         uuid primary key,
    project_id uuid             not null references projects (id) on delete cascade,
    rule_id    uuid             not null references alert_rules (id) on delete cascade,
    rule_name  text             not null,
    state      text             not null,
    severity   text             not null,
    metric     text             not null,
    value      double precision not null,
    threshold  double precision not null,
    -- what the value was computed from: window, calls, errors, filters
    observed   jsonb            not null,
    message    text             not null,
    at         timestamptz      not null
);

create index alert_events_page_idx on alert_events (project_id, id desc);

create table alert_deliveries (
    id              uuid primary key default gen_random_uuid(),
    event_id        uuid        not null references alert_events (id) on delete cascade,
    channel_id      uuid        not null references alert_channels (id) on delete cascade,
    project_id      uuid        not null,
    -- pending, delivered or failed (gave up)
    status          text        not null default 'pending',
    attempts        integer     not null default 0,
    detail          text,
    next_attempt_at timestamptz not null default now(),
    delivered_at    timestamptz
);

create index alert_deliveries_due_idx on alert_deliveries (next_attempt_at) where status = 'pending';
