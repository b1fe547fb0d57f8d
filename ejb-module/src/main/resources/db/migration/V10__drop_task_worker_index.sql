-- ix_task_worker (V6) made H2 answer "RUNNING tasks of this node" (worker IS NULL) by walking every
-- task a node ever ran: the optimizer preferred it to the status indexes, so each cluster tick read the
-- whole task table. Every query that filters on worker also asks for status = 'RUNNING', which the
-- status indexes find directly (a node runs a bounded number of tasks at once), and one index less is
-- one B-tree less to write on every submission.
DROP INDEX ix_task_worker;
