-- Shared storage (issue 5): a tree of JSON values addressed by dot paths ("a.b.c"). One row per node:
-- a value ("has_value") or an interior node that exists while it has children (a path holds either a
-- value or children, never both). "parent" finds a node's children; subtree reads match "path LIKE
-- 'a.b.%'". Writers serialize per root segment on one of 64 lock rows (baton_storage_lock, the stripe
-- is the root segment's String.hashCode() mod 64), so the tree rule holds under concurrent writes.
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
    stripe INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO baton_storage_lock (stripe) VALUES
    (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15),
    (16), (17), (18), (19), (20), (21), (22), (23), (24), (25), (26), (27), (28), (29), (30), (31),
    (32), (33), (34), (35), (36), (37), (38), (39), (40), (41), (42), (43), (44), (45), (46), (47),
    (48), (49), (50), (51), (52), (53), (54), (55), (56), (57), (58), (59), (60), (61), (62), (63);
