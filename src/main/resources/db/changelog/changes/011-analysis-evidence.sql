--liquibase formatted sql

--changeset copilot:011-analysis-evidence
-- The evidence check of each analysis (issue 4): every Big Five evidence quote with whether it was
-- found in the session's text, and the share of verified quotes in percent (null: nothing quoted).
-- Null for analyses stored before the check existed (the app checks those when it shows them).
alter table analysis add column evidence jsonb;
alter table analysis add column evidence_verified_pct smallint check (evidence_verified_pct between 0 and 100);
