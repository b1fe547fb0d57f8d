-- Cluster membership: remote workers and Baton server nodes, with their heartbeats and drain state.
CREATE TABLE baton_worker (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    name           VARCHAR(100) NOT NULL,
    host           VARCHAR(200),
    threads        INTEGER      NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    registered_by  VARCHAR(200),
    registered_time BIGINT      NOT NULL,
    heartbeat_time BIGINT       NOT NULL,
    state_time     BIGINT       NOT NULL,
    drain_deadline BIGINT,
    version        BIGINT       NOT NULL
);
CREATE INDEX ix_worker_state ON baton_worker (state, heartbeat_time);

CREATE TABLE baton_worker_handler (
    worker_id VARCHAR(36)  NOT NULL,
    handler   VARCHAR(200) NOT NULL,
    PRIMARY KEY (worker_id, handler)
);
CREATE INDEX ix_worker_handler_name ON baton_worker_handler (handler);

CREATE TABLE baton_node (
    name           VARCHAR(200) NOT NULL PRIMARY KEY,
    host           VARCHAR(200),
    threads        INTEGER      NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    started_time   BIGINT       NOT NULL,
    heartbeat_time BIGINT       NOT NULL,
    state_time     BIGINT       NOT NULL,
    drain_deadline BIGINT,
    version        BIGINT       NOT NULL
);

-- Remote attempts: who runs them, how far they got; statistics read attempts by member and end time.
ALTER TABLE baton_task ADD COLUMN progress_percent INTEGER;
ALTER TABLE baton_task ADD COLUMN progress_message VARCHAR(1000);
CREATE INDEX ix_task_worker ON baton_task (worker);
CREATE INDEX ix_attempt_worker_end ON baton_task_attempt (worker, end_time);
CREATE INDEX ix_attempt_node_end ON baton_task_attempt (node, end_time);
