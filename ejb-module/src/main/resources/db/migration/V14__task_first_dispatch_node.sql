-- A task submitted over REST is committed alone (one database commit, no XA transaction with the
-- broker), and its first dispatch message is sent right after the commit by the node that took the
-- request. That node's name is kept here while the first dispatch may be unsent: if the node dies
-- between the commit and the send, its start-up recovery dispatches again its QUEUED tasks still on
-- their first dispatch (dispatch_seq = 1). Null for tasks whose first dispatch committed with them
-- (JMS submissions, workflow actions, split children). No index: recovery reads the QUEUED rows once
-- at start-up through ix_task_status_id, and each index on baton_task costs every status change.
ALTER TABLE baton_task ADD COLUMN first_dispatch_node VARCHAR(200);
