-- Per-project price overrides (USD per one million tokens). The bundled price table is the base;
-- a row here for the same provider and model wins from its effective date on.
create table model_prices (
    project_id               uuid           not null references projects (id) on delete cascade,
    provider                 text           not null,
    model                    text           not null,
    effective_from           date           not null,
    input_per_million        numeric(20, 8) not null,
    output_per_million       numeric(20, 8) not null,
    cache_read_per_million   numeric(20, 8),
    cache_write_per_million  numeric(20, 8),
    reasoning_per_million    numeric(20, 8),
    updated_at               timestamptz    not null default now(),
    primary key (project_id, provider, model, effective_from)
);
