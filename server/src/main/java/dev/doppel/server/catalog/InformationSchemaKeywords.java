package dev.doppel.server.catalog;

import dev.doppel.plugin.VirtualTable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * information_schema.KEYWORDS: MySQL 8.4's keywords and whether each is reserved, as Connector/J reads them for
 * {@code DatabaseMetaData.getSQLKeywords} (which Hibernate calls at startup). The words and the reserved set are the
 * parser's (sql.parse.Keywords), given here so that the table and the parser cannot disagree.
 */
public final class InformationSchemaKeywords {
    private InformationSchemaKeywords() {
    }

    public static void register(VirtualTables tables, List<String> words, Predicate<String> reserved) {
        tables.add(new VirtualTable("information_schema", "KEYWORDS",
                InformationSchemaTables.columns("WORD", "VARCHAR(128)", "RESERVED", "INT"), () -> {
                    List<Object[]> rows = new ArrayList<>(words.size());
                    for (String each : words) {
                        rows.add(new Object[] {each, reserved.test(each) ? 1 : 0});
                    }
                    return rows;
                }));
    }
}
