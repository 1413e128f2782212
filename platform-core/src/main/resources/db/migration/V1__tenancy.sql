-- Organisations own projects; every feature's rows belong to a project (project_id first in keys).

create table organizations (
    id          uuid primary key default gen_random_uuid(),
    name        text not null,
    created_at  timestamptz not null default now()
);

create table projects (
    id              uuid primary key default gen_random_uuid(),
    organization_id uuid not null references organizations (id) on delete cascade,
    name            text not null,
    created_at      timestamptz not null default now(),
    unique (organization_id, name)
);

create table users (
    id             uuid primary key default gen_random_uuid(),
    email          text not null,
    display_name   text,
    password_hash  text not null,
    disabled       boolean not null default false,
    created_at     timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

create type project_role as enum ('owner', 'admin', 'member', 'viewer');

create table project_members (
    project_id  uuid not null references projects (id) on delete cascade,
    user_id     uuid not null references users (id) on delete cascade,
    role        project_role not null,
    created_at  timestamptz not null default now(),
    primary key (project_id, user_id)
);
create index project_members_user_idx on project_members (user_id);

-- API keys: the public id is shown in full, the secret only once; we keep its SHA-256 (secrets are
-- 256-bit random, so a slow password hash would add latency without adding safety).
create table api_keys (
    project_id    uuid not null references projects (id) on delete cascade,
    id            uuid not null default gen_random_uuid(),
    name          text not null,
    public_key    text not null unique,
    secret_sha256 bytea not null,
    scopes        text[] not null,
    created_by    uuid references users (id) on delete set null,
    created_at    timestamptz not null default now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    primary key (project_id, id)
);
