-- Tasks and their attempts. SQL common to H2 2.x and PostgreSQL 13+.
CREATE TABLE baton_task (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    name               VARCHAR(200),
    handler            VARCHAR(200) NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    priority           INTEGER      NOT NULL,
    effective_priority INTEGER      NOT NULL,
    params             TEXT,
    result             TEXT,
    error              TEXT,
    tries              INTEGER      NOT NULL,
    max_tries          INTEGER      NOT NULL,
    timeout_seconds    INTEGER      NOT NULL,
    submit_time        BIGINT       NOT NULL,
    queued_time        BIGINT       NOT NULL,
    aged_time          BIGINT,
    start_time         BIGINT,
    end_time           BIGINT,
    next_time          BIGINT,
    node               VARCHAR(200),
    worker             VARCHAR(200),
    submitted_by       VARCHAR(200),
    idempotency_key    VARCHAR(200),
    parent_id          VARCHAR(36),
    child_index        INTEGER,
    children_total     INTEGER      NOT NULL,
    children_completed INTEGER      NOT NULL,
    split_spec         TEXT,
    batch_execution_id BIGINT,
    reply_to           VARCHAR(300),
    correlation_id     VARCHAR(300),
    dispatch_seq       INTEGER      NOT NULL,
    version            BIGINT       NOT NULL
);
CREATE UNIQUE INDEX ux_task_idempotency ON baton_task (submitted_by, idempotency_key);
CREATE INDEX ix_task_status_id ON baton_task (status, id);
CREATE INDEX ix_task_handler_id ON baton_task (handler, id);
CREATE INDEX ix_task_user_id ON baton_task (submitted_by, id);
CREATE INDEX ix_task_parent_index ON baton_task (parent_id, child_index);
CREATE INDEX ix_task_status_node ON baton_task (status, node);
CREATE INDEX ix_task_status_queued ON baton_task (status, queued_time);

CREATE TABLE baton_task_attempt (
    id         VARCHAR(48)  NOT NULL PRIMARY KEY,
    task_id    VARCHAR(36)  NOT NULL,
    number     INTEGER      NOT NULL,
    node       VARCHAR(200),
    worker     VARCHAR(200),
    start_time BIGINT       NOT NULL,
    end_time   BIGINT,
    outcome    VARCHAR(16),
    error      TEXT
);
CREATE INDEX ix_attempt_task ON baton_task_attempt (task_id, number);
