package dev.doppel.server.catalog;

import java.util.List;
import java.util.Locale;

/**
 * The storage engines the server reports (SHOW ENGINES, information_schema.ENGINES). There is one engine: every
 * table is stored in the embedded H2 MVStore database, reported as InnoDB, the default, because that is the
 * name MySQL clients, dumps and ORMs ask for and its behaviour (transactions, row-level MVCC, savepoints, no XA)
 * is what they get. The other engine names of a MySQL build are listed as not available (Support NO): creating
 * a table with one of them is what MySQL does with an unavailable engine (error 1286 under
 * NO_ENGINE_SUBSTITUTION, otherwise warnings 1286 and 1266 and an InnoDB table).
 */
public final class StorageEngines {
    public static final String DEFAULT = "InnoDB";

    /** Engine, Support, Comment, Transactions, XA, Savepoints. */
    public static final List<String[]> ROWS = List.of(
            new String[] {"InnoDB", "DEFAULT",
                    "Doppel's only engine: tables in the embedded H2 MVStore database (transactions, MVCC row versions,"
                            + " savepoints)", "YES", "NO", "YES"},
            new String[] {"MyISAM", "NO", "Not available in Doppel", null, null, null},
            new String[] {"MEMORY", "NO", "Not available in Doppel", null, null, null},
            new String[] {"CSV", "NO", "Not available in Doppel", null, null, null},
            new String[] {"ARCHIVE", "NO", "Not available in Doppel", null, null, null},
            new String[] {"BLACKHOLE", "NO", "Not available in Doppel", null, null, null},
            new String[] {"MRG_MYISAM", "NO", "Not available in Doppel", null, null, null},
            new String[] {"FEDERATED", "NO", "Not available in Doppel", null, null, null});

    private StorageEngines() {
    }

    /** Whether a table may be created with this engine name: InnoDB and its alias INNOBASE, in any case. */
    public static boolean isAvailable(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.equals("INNODB") || upper.equals("INNOBASE");
    }
}
