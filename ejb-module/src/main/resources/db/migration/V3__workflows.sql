-- Workflow definitions (every save of a name is a new version) and workflow runs with one row per
-- action of the run's definition. SQL common to H2 2.x and PostgreSQL 13+.
CREATE TABLE baton_workflow (
    name         VARCHAR(100) NOT NULL,
    version      INTEGER      NOT NULL,
    definition   TEXT         NOT NULL,
    created_time BIGINT       NOT NULL,
    created_by   VARCHAR(200),
    deleted      BOOLEAN      NOT NULL,
    PRIMARY KEY (name, version)
);

CREATE TABLE baton_run (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    workflow         VARCHAR(100) NOT NULL,
    workflow_version INTEGER      NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    input            TEXT,
    priority         INTEGER      NOT NULL,
    submitted_by     VARCHAR(200),
    idempotency_key  VARCHAR(200),
    parent_run_id    VARCHAR(36),
    parent_action_id VARCHAR(100),
    start_time       BIGINT       NOT NULL,
    end_time         BIGINT,
    error            TEXT,
    steps            INTEGER      NOT NULL,
    version          BIGINT       NOT NULL
);
CREATE UNIQUE INDEX ux_run_idempotency ON baton_run (submitted_by, idempotency_key);
CREATE INDEX ix_run_id_desc ON baton_run (id DESC);
CREATE INDEX ix_run_workflow_id ON baton_run (workflow, id DESC);
CREATE INDEX ix_run_status_id ON baton_run (status, id DESC);

CREATE TABLE baton_run_action (
    run_id       VARCHAR(36)  NOT NULL,
    action_id    VARCHAR(100) NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    arrivals     INTEGER      NOT NULL,
    resolved     INTEGER      NOT NULL,
    input        TEXT,
    output       TEXT,
    error        TEXT,
    branch       VARCHAR(200),
    start_time   BIGINT,
    end_time     BIGINT,
    step         INTEGER,
    task_id      VARCHAR(36),
    child_run_id VARCHAR(36),
    event        VARCHAR(200),
    due_time     BIGINT,
    timer_seq    INTEGER      NOT NULL,
    attempts     INTEGER      NOT NULL,
    PRIMARY KEY (run_id, action_id)
);

ALTER TABLE baton_task ADD COLUMN origin VARCHAR(200);
