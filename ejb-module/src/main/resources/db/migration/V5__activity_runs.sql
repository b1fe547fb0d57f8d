-- Activity runs (issue 4): one row per run with its frozen plan in baton_activity_plugin_run (one row
-- per plugin that matched when the run started). SQL common to H2 2.x and PostgreSQL 13+.
CREATE TABLE baton_activity_run (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    activity        VARCHAR(100) NOT NULL,
    metadata        TEXT,
    status          VARCHAR(16)  NOT NULL,
    batch_execution BIGINT,
    start_time      BIGINT       NOT NULL,
    end_time        BIGINT,
    error           TEXT,
    submitted_by    VARCHAR(200),
    origin          VARCHAR(200),
    version         BIGINT       NOT NULL
);
CREATE INDEX baton_activity_run_status ON baton_activity_run (status);
CREATE TABLE baton_activity_plugin_run (
    run_id          VARCHAR(36)  NOT NULL,
    plugin          VARCHAR(100) NOT NULL,
    stage           VARCHAR(16)  NOT NULL,
    plugin_order    INTEGER,
    stage_position  INTEGER      NOT NULL,
    handler         VARCHAR(200) NOT NULL,
    timeout_seconds INTEGER,
    is_optional     BOOLEAN      NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    message         TEXT,
    start_time      BIGINT,
    end_time        BIGINT,
    task_id         VARCHAR(64),
    version         BIGINT       NOT NULL,
    PRIMARY KEY (run_id, plugin)
);
-- A workflow's activity action names the activity run it started.
ALTER TABLE baton_run_action ADD COLUMN activity_run_id VARCHAR(36);
