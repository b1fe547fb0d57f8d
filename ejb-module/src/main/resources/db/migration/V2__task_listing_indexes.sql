-- Listing pages newest first (ORDER BY id DESC) must seek an index in that order: H2 does not scan an
-- ascending index backwards, so with a million rows a filtered page read and sorted every matching row.
-- These indexes keep id descending after the filter column, and (id DESC) serves the unfiltered list.
DROP INDEX ix_task_status_id;
DROP INDEX ix_task_handler_id;
DROP INDEX ix_task_user_id;
CREATE INDEX ix_task_status_id ON baton_task (status, id DESC);
CREATE INDEX ix_task_handler_id ON baton_task (handler, id DESC);
CREATE INDEX ix_task_user_id ON baton_task (submitted_by, id DESC);
CREATE INDEX ix_task_id_desc ON baton_task (id DESC);
CREATE INDEX ix_task_parent_id ON baton_task (parent_id, id DESC);
