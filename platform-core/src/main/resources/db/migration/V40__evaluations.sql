-- Evaluations: a run of one evaluator over items (given texts, stored calls, a dataset, or calls
-- sampled by an online rule). Each item is one job in a PostgreSQL queue claimed with
-- FOR UPDATE SKIP LOCKED; each finished job leaves exactly one score (unique job_id).

create table datasets (
    project_id  uuid        not null references projects (id) on delete cascade,
    id          uuid        primary key,
    name        text        not null,
    description text,
    created_at  timestamptz not null default now(),
    unique (project_id, name)
);

create table dataset_items (
    project_id uuid        not null,
    dataset_id uuid        not null references datasets (id) on delete cascade,
    id         uuid        primary key,
    position   integer     not null,
    input      text,
    reference  text,
    metadata   jsonb       not null default '{}',
    created_at timestamptz not null default now(),
    unique (dataset_id, position)
);

create table evaluation_rules (
    project_id  uuid             not null references projects (id) on delete cascade,
    id          uuid             primary key,
    evaluator   text             not null,
    config      jsonb            not null default '{}',
    sample_rate double precision not null check (sample_rate >= 0 and sample_rate <= 1),
    provider    text,
    model       text,
    prompt_name text,
    -- the evaluation the rule's jobs belong to
    evaluation_id uuid           not null,
    created_at  timestamptz      not null default now()
);
create index evaluation_rules_project_idx on evaluation_rules (project_id);

create table evaluations (
    project_id uuid        not null references projects (id) on delete cascade,
    id         uuid        primary key,
    evaluator  text        not null,
    config     jsonb       not null default '{}',
    source     text        not null check (source in ('items', 'calls', 'dataset', 'rule')),
    dataset_id uuid,
    total      integer     not null default 0,
    created_at timestamptz not null default now()
);
create index evaluations_project_idx on evaluations (project_id, id);

create table evaluation_jobs (
    id              bigint generated always as identity primary key,
    project_id      uuid        not null,
    evaluation_id   uuid        not null references evaluations (id) on delete cascade,
    position        integer     not null,
    call_id         uuid,
    dataset_item_id uuid,
    input_text      text,
    output_text     text,
    reference_text  text,
    status          text        not null default 'queued' check (status in ('queued', 'running', 'done', 'dead')),
    attempts        integer     not null default 0,
    max_attempts    integer     not null check (max_attempts > 0),
    run_after       timestamptz not null default now(),
    locked_by       text,
    locked_until    timestamptz,
    last_error      text,
    finished_at     timestamptz,
    created_at      timestamptz not null default now(),
    unique (evaluation_id, position)
);
-- the claim query reads only claimable jobs: queued ones that are due, running ones whose lease ran out
create index evaluation_jobs_due_idx on evaluation_jobs (run_after) where status = 'queued';
create index evaluation_jobs_lease_idx on evaluation_jobs (locked_until) where status = 'running';

create table evaluation_scores (
    id              bigint generated always as identity primary key,
    project_id      uuid             not null,
    evaluation_id   uuid             not null references evaluations (id) on delete cascade,
    job_id          bigint           not null unique references evaluation_jobs (id) on delete cascade,
    call_id         uuid,
    dataset_item_id uuid,
    evaluator       text             not null,
    value           double precision not null,
    label           text,
    explanation     text,
    details         jsonb            not null default '{}',
    created_at      timestamptz      not null default now()
);
create index evaluation_scores_call_idx on evaluation_scores (project_id, call_id, id) where call_id is not null;
create index evaluation_scores_evaluation_idx on evaluation_scores (evaluation_id);
