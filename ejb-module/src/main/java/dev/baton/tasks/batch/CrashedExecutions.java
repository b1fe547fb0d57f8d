package dev.baton.tasks.batch;

import dev.baton.infrastructure.persistence.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;

/**
 * Marks a job execution that a crash left "running" as FAILED in the batch job repository, so
 * {@code JobOperator.restart} accepts it. The Jakarta Batch API has no operation for this (a killed
 * JVM cannot record that its job stopped), so this writes JBeret's JDBC repository tables
 * (JOB_EXECUTION, STEP_EXECUTION, PARTITION_EXECUTION) directly. Only rows still in a running state
 * change: completed partitions stay COMPLETED and are not re-run by the restart.
 */
@Stateless
public class CrashedExecutions {

    private static final String RUNNING = "('STARTING', 'STARTED', 'STOPPING')";

    @Resource(lookup = SchemaMigrator.DATASOURCE)
    DataSource dataSource;

    public void markFailed(long jobExecutionId) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (Connection connection = dataSource.getConnection()) {
            update(
                    connection,
                    "UPDATE PARTITION_EXECUTION SET BATCHSTATUS = 'FAILED', EXITSTATUS = 'CRASHED'"
                            + " WHERE BATCHSTATUS IN " + RUNNING
                            + " AND STEPEXECUTIONID IN (SELECT STEPEXECUTIONID FROM STEP_EXECUTION WHERE JOBEXECUTIONID = ?)",
                    null,
                    jobExecutionId);
            update(
                    connection,
                    "UPDATE STEP_EXECUTION SET BATCHSTATUS = 'FAILED', EXITSTATUS = 'CRASHED', ENDTIME = ?"
                            + " WHERE BATCHSTATUS IN " + RUNNING + " AND JOBEXECUTIONID = ?",
                    now,
                    jobExecutionId);
            update(
                    connection,
                    "UPDATE JOB_EXECUTION SET BATCHSTATUS = 'FAILED', EXITSTATUS = 'CRASHED', ENDTIME = ?,"
                            + " LASTUPDATEDTIME = ? WHERE BATCHSTATUS IN " + RUNNING + " AND JOBEXECUTIONID = ?",
                    now,
                    jobExecutionId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark job execution " + jobExecutionId + " as failed", e);
        }
    }

    private static void update(Connection connection, String sql, Timestamp time, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            if (time != null) {
                statement.setTimestamp(index++, time);
                if (sql.contains("LASTUPDATEDTIME = ?")) {
                    statement.setTimestamp(index++, time);
                }
            }
            statement.setLong(index, id);
            statement.executeUpdate();
        }
    }
}
