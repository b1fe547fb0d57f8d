-- Cluster commands (Clusterfy's IPC commands) and one row per recipient with its answer.
CREATE TABLE baton_command (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    args         TEXT,
    target       VARCHAR(250) NOT NULL,
    created_by   VARCHAR(200),
    created_time BIGINT       NOT NULL
);
CREATE INDEX ix_command_created ON baton_command (created_time);

CREATE TABLE baton_command_recipient (
    command_id  VARCHAR(36)  NOT NULL,
    member      VARCHAR(250) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    result      TEXT,
    error       TEXT,
    answer_time BIGINT,
    PRIMARY KEY (command_id, member)
);
CREATE INDEX ix_recipient_member_status ON baton_command_recipient (member, status);
