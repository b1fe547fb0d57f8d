-- Shared storage (issue 5): a tree of JSON values addressed by dot paths ("a.b.c"). One row per node:
-- a value ("has_value") or an interior node that exists while it has children (a path holds either a
-- value or children, never both). "parent" finds a node's children; subtree reads match "path LIKE
-- 'a.b.%'". Writers serialize per root segment on one of 64 lock rows (baton_storage_lock, the stripe
-- is the root segment's String.hashCode() mod 64), so the tree rule holds under concurrent writes. A
-- writer locks its stripe by UPDATE (counting "writes"); each node also orders its own writers in
-- memory (StripeLocks), because H2 2.2's row locks did not hold under parallel load.
-- SQL common to H2 2.x and PostgreSQL 13+ ("value" and "key" avoided: reserved in H2).
CREATE TABLE baton_storage_entry (
    path         VARCHAR(500) NOT NULL PRIMARY KEY,
    parent       VARCHAR(500),
    has_value    BOOLEAN      NOT NULL,
    stored_value TEXT,
    value_bytes  INTEGER      NOT NULL,
    version      BIGINT       NOT NULL,
    updated_time BIGINT       NOT NULL,
    updated_by   VARCHAR(200)
);
CREATE INDEX baton_storage_entry_parent ON baton_storage_entry (parent);
CREATE TABLE baton_storage_lock (
    stripe INTEGER NOT NULL PRIMARY KEY,
    writes BIGINT  NOT NULL
);
INSERT INTO baton_storage_lock (stripe, writes) VALUES
    (0, 0), (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0), (7, 0),
    (8, 0), (9, 0), (10, 0), (11, 0), (12, 0), (13, 0), (14, 0), (15, 0),
    (16, 0), (17, 0), (18, 0), (19, 0), (20, 0), (21, 0), (22, 0), (23, 0),
    (24, 0), (25, 0), (26, 0), (27, 0), (28, 0), (29, 0), (30, 0), (31, 0),
    (32, 0), (33, 0), (34, 0), (35, 0), (36, 0), (37, 0), (38, 0), (39, 0),
    (40, 0), (41, 0), (42, 0), (43, 0), (44, 0), (45, 0), (46, 0), (47, 0),
    (48, 0), (49, 0), (50, 0), (51, 0), (52, 0), (53, 0), (54, 0), (55, 0),
    (56, 0), (57, 0), (58, 0), (59, 0), (60, 0), (61, 0), (62, 0), (63, 0);
