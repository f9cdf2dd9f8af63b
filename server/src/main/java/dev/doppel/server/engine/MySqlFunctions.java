package dev.doppel.server.engine;

/** MySQL functions the engine lacks, registered in it as Java functions. */
public final class MySqlFunctions {
    private MySqlFunctions() {
    }

    /** FIND_IN_SET(needle, 'a,b,c'): the 1-based position of needle in the comma-separated list, 0 if absent. */
    public static Integer findInSet(String needle, String list) {
        if (needle == null || list == null) {
            return null;
        }
        if (needle.indexOf(',') >= 0) {
            return 0;
        }
        String[] items = list.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            if (items[i].equalsIgnoreCase(needle)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** CONCAT(...): NULL when any argument is NULL (the engine's CONCAT skips NULLs). */
    public static String concat(String... parts) {
        StringBuilder result = new StringBuilder();
        for (String each : parts) {
            if (each == null) {
                return null;
            }
            result.append(each);
        }
        return result.toString();
    }
}
