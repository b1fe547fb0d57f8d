-- On PostgreSQL, BatonDS is a local datasource that joins JTA transactions as Narayana's Commit
-- Markable Resource (server-config/src/main/cli/40-datasource-postgresql.cli): each transaction that
-- also sends or receives JMS writes one row here in its database commit, and recovery reads them to
-- finish the JMS side of a transaction a crash interrupted. The table belongs to the transaction
-- manager; Narayana deletes rows of finished transactions itself. Rows are only inserted and deleted
-- in batches, so it has no index (like H2's XIDS, which H2's URL creates with its INIT statement).
@postgresql CREATE TABLE IF NOT EXISTS xids (xid BYTEA, transactionmanagerid VARCHAR(64), actionuid BYTEA);
