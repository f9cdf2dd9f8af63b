package dev.doppel.server.catalog;

import java.math.BigInteger;
import java.util.Locale;

/**
 * MySQL's UNSIGNED integer types. The engine has none, so each is a domain in the {@code mysql} schema: the
 * next wider engine type with MySQL's range as a check. Tables declare their columns with the domain; the
 * declared type stays in the {@link ColumnTypeRegistry} and result metadata finds the column through
 * {@link UnsignedColumns}.
 */
public enum UnsignedType {
    TINYINT("SMALLINT", "255", 3),
    SMALLINT("INTEGER", "65535", 5),
    MEDIUMINT("INTEGER", "16777215", 8),
    INT("BIGINT", "4294967295", 10),
    BIGINT("NUMERIC(20)", "18446744073709551615", 20);

    private final String engineType;
    private final BigInteger max;
    private final int displayLength;

    UnsignedType(String engineType, String max, int displayLength) {
        this.engineType = engineType;
        this.max = new BigInteger(max);
        this.displayLength = displayLength;
    }

    /** The type for a declared integer type word (any case, synonyms too), or null when it is none. */
    public static UnsignedType ofWord(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "tinyint", "int1" -> TINYINT;
            case "smallint", "int2" -> SMALLINT;
            case "mediumint", "int3", "middleint" -> MEDIUMINT;
            case "int", "integer", "int4" -> INT;
            case "bigint", "int8" -> BIGINT;
            default -> null;
        };
    }

    /** The type whose domain's check has this upper bound, or null. */
    public static UnsignedType ofMax(String max) {
        for (UnsignedType each : values()) {
            if (each.max.toString().equals(max)) {
                return each;
            }
        }
        return null;
    }

    /** The type of a domain name as the engine reports it (unqualified), or null when it is not one of these. */
    public static UnsignedType ofDomain(String domainName) {
        for (UnsignedType each : values()) {
            if (each.domainName().equalsIgnoreCase(domainName)) {
                return each;
            }
        }
        return null;
    }

    public String domainName() {
        return "doppel_" + name().toLowerCase(Locale.ROOT) + "_unsigned";
    }

    /** The domain as column definitions name it. */
    public String domain() {
        return "mysql." + domainName();
    }

    public String createDomainStatement() {
        return "CREATE DOMAIN IF NOT EXISTS " + domain() + " AS " + engineType + " CHECK (VALUE BETWEEN 0 AND "
                + max + ")";
    }

    /** The type as MySQL shows it (COLUMN_TYPE). */
    public String columnType() {
        return name().toLowerCase(Locale.ROOT) + " unsigned";
    }

    public BigInteger max() {
        return max;
    }

    /** The column length MySQL's result metadata declares. */
    public int displayLength() {
        return displayLength;
    }
}
