-- Activity runs, continued (issue 4). SQL common to H2 2.x and PostgreSQL 13+.
-- How a plugin ends: HANDLER (its handler's outcome) or REPORT (the plugin reports complete or error
-- itself); copied onto each plugin run with the frozen plan.
ALTER TABLE baton_activity_plugin ADD COLUMN completion VARCHAR(16) DEFAULT 'HANDLER' NOT NULL;
ALTER TABLE baton_activity_plugin_run ADD COLUMN completion VARCHAR(16) DEFAULT 'HANDLER' NOT NULL;
-- The result a plugin reported with its completion (or its handler's result), as JSON text.
ALTER TABLE baton_activity_plugin_run ADD COLUMN result TEXT;
-- The node that runs the run's batch job: only that node restarts it after a crash.
ALTER TABLE baton_activity_run ADD COLUMN node VARCHAR(200);
-- GET /api/activity-runs pages newest first (ORDER BY id DESC), optionally filtered by activity or
-- status: indexes with id descending after the filter column (see V2 for why descending).
DROP INDEX baton_activity_run_status;
CREATE INDEX baton_activity_run_status_id ON baton_activity_run (status, id DESC);
CREATE INDEX baton_activity_run_activity_id ON baton_activity_run (activity, id DESC);
CREATE INDEX baton_activity_run_id_desc ON baton_activity_run (id DESC);
