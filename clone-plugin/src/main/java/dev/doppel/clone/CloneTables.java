package dev.doppel.clone;

import dev.doppel.plugin.VirtualTable;
import dev.doppel.plugin.VirtualTable.Column;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** performance_schema.clone_status and clone_progress, with MySQL 8.4's columns. */
final class CloneTables {
    private static final String SCHEMA = "performance_schema";

    private CloneTables() {
    }

    static VirtualTable status(Supplier<CloneStatus> current) {
        List<Column> columns = List.of(new Column("ID", "INT"), new Column("PID", "INT"),
                new Column("STATE", "CHAR(16)"), new Column("BEGIN_TIME", "TIMESTAMP(3)"),
                new Column("END_TIME", "TIMESTAMP(3)"), new Column("SOURCE", "VARCHAR(512)"),
                new Column("DESTINATION", "VARCHAR(512)"), new Column("ERROR_NO", "INT"),
                new Column("ERROR_MESSAGE", "VARCHAR(512)"), new Column("BINLOG_FILE", "VARCHAR(512)"),
                new Column("BINLOG_POSITION", "BIGINT"), new Column("GTID_EXECUTED", "LONGTEXT"));
        return new VirtualTable(SCHEMA, "clone_status", columns, () -> {
            CloneStatus status = current.get();
            if (status == null) {
                return List.of();
            }
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {status.id, status.pid, status.state.label, time(status.begin, ChronoUnit.MILLIS),
                    time(status.end, ChronoUnit.MILLIS), status.source, status.destination,
                    (long) status.errorNumber, status.errorMessage, "", 0L, ""});
            return rows;
        });
    }

    static VirtualTable progress(Supplier<CloneStatus> current) {
        List<Column> columns = List.of(new Column("ID", "INT"), new Column("STAGE", "CHAR(32)"),
                new Column("STATE", "CHAR(16)"), new Column("BEGIN_TIME", "TIMESTAMP(6)"),
                new Column("END_TIME", "TIMESTAMP(6)"), new Column("THREADS", "INT"),
                new Column("ESTIMATE", "BIGINT"), new Column("DATA", "BIGINT"), new Column("NETWORK", "BIGINT"),
                new Column("DATA_SPEED", "INT"), new Column("NETWORK_SPEED", "INT"));
        return new VirtualTable(SCHEMA, "clone_progress", columns, () -> {
            CloneStatus status = current.get();
            if (status == null) {
                return List.of();
            }
            List<Object[]> rows = new ArrayList<>();
            for (CloneStage each : CloneStage.values()) {
                StageProgress stage = status.stage(each);
                rows.add(new Object[] {status.id, each.label, stage.state.label,
                        time(stage.begin, ChronoUnit.MICROS), time(stage.end, ChronoUnit.MICROS),
                        (long) stage.threads, stage.estimate, stage.data.get(), 0L, stage.dataSpeed(), 0L});
            }
            return rows;
        });
    }

    private static LocalDateTime time(Instant instant, ChronoUnit precision) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(precision), ZoneId.systemDefault());
    }
}
