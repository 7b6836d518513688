-- Plans the demo made carry its tag, so removing the demo removes them and nothing else.
ALTER TABLE plans ADD COLUMN source VARCHAR;
ALTER TABLE strength_plans ADD COLUMN source VARCHAR;
