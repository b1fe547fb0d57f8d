-- Every query that filters tasks on node asks for status = 'RUNNING' (start-up recovery, the cluster's
-- look for work of gone nodes, running counts per node), and a node runs a bounded number of tasks at
-- once, so ix_task_status_id finds them directly. ix_task_status_node was one more B-tree for H2 to
-- rewrite (each commit writes every index page the transaction changed) on every submission and on
-- every attempt's claim and end, where status and node both change.
DROP INDEX ix_task_status_node;
