-- Plugins registered with activities (issue 4): one row per (activity, plugin name); re-registering
-- replaces the row. SQL common to H2 2.x and PostgreSQL 13+ ("order", "filter" and "optional" avoided
-- as column names: reserved or keywords in one of them).
CREATE TABLE baton_activity_plugin (
    activity        VARCHAR(100) NOT NULL,
    name            VARCHAR(100) NOT NULL,
    stage           VARCHAR(16)  NOT NULL,
    plugin_order    INTEGER,
    handler         VARCHAR(200) NOT NULL,
    filter_selector TEXT,
    timeout_seconds INTEGER,
    is_optional     BOOLEAN      NOT NULL,
    registered_time BIGINT       NOT NULL,
    registered_by   VARCHAR(200),
    version         BIGINT       NOT NULL,
    PRIMARY KEY (activity, name)
);
