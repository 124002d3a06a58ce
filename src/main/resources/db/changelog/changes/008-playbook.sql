--liquibase formatted sql

--changeset copilot:008-playbook
-- The playbook (company, products, competitors, rules, tone, archetypes) edited by admins; one row.
create table playbook (
    id         smallint     primary key check (id = 1),
    data       jsonb        not null,
    updated_by bigint       references app_user (id) on delete set null,
    updated_at timestamptz  not null default now(),
    version    bigint       not null default 0
);
