--liquibase formatted sql

--changeset copilot:001-extensions
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
create extension if not exists pg_trgm;
