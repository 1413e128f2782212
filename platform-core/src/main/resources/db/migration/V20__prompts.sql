-- Prompts with immutable versions, movable labels and A/B experiments (issue 7).
-- Versions V20..V29 belong to the prompts feature.

create table prompts (
    project_id   uuid not null references projects (id) on delete cascade,
    id           uuid not null default gen_random_uuid(),
    name         text not null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (project_id, id),
    unique (project_id, name)
);

-- A version is never changed once written: the trigger below refuses updates.
create table prompt_versions (
    project_id      uuid not null,
    prompt_id       uuid not null,
    version         integer not null check (version >= 1),
    template        text,
    messages        jsonb,
    model           text,
    parameters      jsonb not null default '{}'::jsonb,
    commit_message  text,
    author_user_id  uuid references users (id) on delete set null,
    author_key_id   uuid,
    created_at      timestamptz not null default now(),
    primary key (project_id, prompt_id, version),
    foreign key (project_id, prompt_id) references prompts (project_id, id) on delete cascade,
    check ((template is null) <> (messages is null))
);

create function prompt_versions_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'prompt versions are immutable';
end;
$$;

create trigger prompt_versions_no_update before update on prompt_versions
    for each row execute function prompt_versions_immutable();

create table prompt_labels (
    project_id  uuid not null,
    prompt_id   uuid not null,
    label       text not null,
    version     integer not null,
    updated_at  timestamptz not null default now(),
    primary key (project_id, prompt_id, label),
    foreign key (project_id, prompt_id, version) references prompt_versions (project_id, prompt_id, version)
        on delete cascade
);

-- Every label move (creation, promotion, rollback), newest first by id.
create table prompt_label_moves (
    project_id     uuid not null,
    prompt_id      uuid not null,
    id             bigint generated always as identity,
    label          text not null,
    from_version   integer,
    to_version     integer not null,
    moved_by_user  uuid references users (id) on delete set null,
    moved_by_key   uuid,
    moved_at       timestamptz not null default now(),
    primary key (project_id, prompt_id, id),
    foreign key (project_id, prompt_id) references prompts (project_id, id) on delete cascade
);

create table prompt_experiments (
    project_id      uuid not null,
    id              uuid not null default gen_random_uuid(),
    prompt_id       uuid not null,
    name            text not null,
    status          text not null default 'running' check (status in ('running', 'stopped')),
    primary_metric  text not null,
    guardrails      text[] not null default '{}',
    created_at      timestamptz not null default now(),
    stopped_at      timestamptz,
    primary key (project_id, id),
    foreign key (project_id, prompt_id) references prompts (project_id, id) on delete cascade
);
-- at most one running experiment per prompt, so resolve is unambiguous
create unique index prompt_experiments_running on prompt_experiments (project_id, prompt_id) where status = 'running';

create table prompt_experiment_variants (
    project_id     uuid not null,
    experiment_id  uuid not null,
    position       integer not null,
    prompt_id      uuid not null,
    version        integer not null,
    weight         integer not null check (weight > 0),
    primary key (project_id, experiment_id, position),
    unique (project_id, experiment_id, version),
    foreign key (project_id, experiment_id) references prompt_experiments (project_id, id) on delete cascade,
    foreign key (project_id, prompt_id, version) references prompt_versions (project_id, prompt_id, version)
);
