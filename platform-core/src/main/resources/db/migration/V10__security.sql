-- Security: sign-in sessions with rotating refresh tokens, invitations, audit log, encrypted secrets.

-- Instance administrators manage users across organisations; the ARGUS_INIT_* admin is one.
alter table users add column instance_admin boolean not null default false;

-- One sign-in = one session (the refresh-token "family"). Access tokens carry the session id, so
-- revoking a session (logout, refresh-token reuse, password change) ends its access tokens at once.
create table auth_sessions (
    id              uuid primary key default gen_random_uuid(),
    user_id         uuid not null references users (id) on delete cascade,
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    revoked_at      timestamptz,
    revoked_reason  text,
    ip              text,
    user_agent      text
);
create index auth_sessions_user_idx on auth_sessions (user_id);

-- Opaque refresh tokens, stored as SHA-256 (they are 256-bit random). Each use marks the token used
-- and issues a new one in the same session; presenting a used token again revokes the session.
create table refresh_tokens (
    token_sha256  bytea primary key,
    session_id    uuid not null references auth_sessions (id) on delete cascade,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null,
    used_at       timestamptz
);
create index refresh_tokens_session_idx on refresh_tokens (session_id);

create table invitations (
    project_id    uuid not null references projects (id) on delete cascade,
    id            uuid not null default gen_random_uuid(),
    email         text not null,
    role          project_role not null,
    token_sha256  bytea not null unique,
    invited_by    uuid references users (id) on delete set null,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null,
    accepted_at   timestamptz,
    accepted_by   uuid references users (id) on delete set null,
    revoked_at    timestamptz,
    primary key (project_id, id)
);

-- Append-only record of every mutating action. No foreign keys: entries outlive the project, user
-- or key they name. project_id is null for instance-level actions (e.g. signing in).
create table audit_log (
    id                bigint generated always as identity primary key,
    project_id        uuid,
    actor_user_id     uuid,
    actor_api_key_id  uuid,
    action            text not null,
    target_type       text,
    target_id         text,
    summary           jsonb not null default '{}'::jsonb,
    ip                text,
    created_at        timestamptz not null default now()
);
create index audit_log_project_idx on audit_log (project_id, id desc);

-- Provider and channel credentials, AES-256-GCM encrypted; the additional authenticated data binds
-- each ciphertext to its project and name, so rows cannot be swapped.
create table secrets (
    project_id  uuid not null references projects (id) on delete cascade,
    name        text not null,
    key_id      text not null,
    nonce       bytea not null,
    ciphertext  bytea not null,
    hint        text,
    created_by  uuid references users (id) on delete set null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    primary key (project_id, name)
);
