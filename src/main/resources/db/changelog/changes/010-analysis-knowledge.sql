--liquibase formatted sql

--changeset copilot:010-analysis-knowledge
-- Which knowledge nuggets (ids as the prompts show them, e.g. K12) an analysis and a fast answer were
-- based on. On the job (written when the prompt is built), read with the analysis that completes it.
alter table analysis_job add column based_on text[];
alter table fast_answer add column based_on text[];
