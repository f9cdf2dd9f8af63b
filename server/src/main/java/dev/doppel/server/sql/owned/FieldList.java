package dev.doppel.server.sql.owned;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.config.LikePattern;
import dev.doppel.server.protocol.ColumnDefinition;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.results.ColumnMapping;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** COM_FIELD_LIST: the columns of a table of the current database, as the old protocol command lists them. */
public final class FieldList {
    private FieldList() {
    }

    public static List<ColumnDefinition> of(Session session, String table, String wildcard) throws SQLException {
        if (session.schema() == null) {
            throw MySqlError.ER_NO_DB_ERROR.exception();
        }
        if (!session.privileges().canSeeTable(session.schema(), table)) {
            throw MySqlError.ER_TABLEACCESS_DENIED_ERROR.exception("SELECT", session.user(), session.host(), table);
        }
        Connection connection = session.engineConnection();
        List<ColumnDefinition> result = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM `" + session.schema().replace("`", "``") + "`.`"
                     + table.replace("`", "``") + "` WHERE FALSE")) {
            for (ColumnDefinition each : ColumnMapping.columns(rows.getMetaData(), null)) {
                if (wildcard == null || wildcard.isEmpty() || LikePattern.of(wildcard).matches(each.name())) {
                    result.add(each);
                }
            }
        }
        return result;
    }
}
