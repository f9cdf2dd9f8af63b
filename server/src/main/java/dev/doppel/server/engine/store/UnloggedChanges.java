package dev.doppel.server.engine.store;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Changes the redo log does not hold, so that only the store can make them durable: the engine's own maps (its
 * schema table, large objects, the map list), which change outside any transaction's undo log, and statements that
 * change the store without one (DDL, TRUNCATE). A commit made after such a change waits for a store version that
 * holds it to be on stable storage, as every commit did before the log: its record alone could be replayed over a
 * store without what it depended on.
 */
final class UnloggedChanges {
    /** Statements whose changes are all in their transaction's undo log. */
    private static final Set<String> LOGGED_VERBS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE",
            "WITH", "VALUES", "TABLE", "CALL", "SET", "EXPLAIN", "SHOW", "SAVEPOINT", "RELEASE", "ROLLBACK");

    private final MVStore store;
    /** The highest store version that had an unlogged change and may not be on stable storage yet. */
    private final AtomicLong pendingVersion = new AtomicLong(-1);
    private volatile Watched durable;

    /** The engine's own maps, and their roots as a store version held them. */
    record Watched(int[] ids, MVMap<?, ?>[] maps, Object[] roots) {
    }

    UnloggedChanges(MVStore store) {
        this.store = store;
        this.durable = watchedNow();
    }

    /** Whether a statement's changes are all in its transaction's undo log, by its verb. */
    static boolean logged(String sql) {
        return sql != null && LOGGED_VERBS.contains(verb(sql));
    }

    /** An unlogged change in {@code version}, the store's current one (called while it cannot take a version). */
    void changed(long version) {
        pendingVersion.accumulateAndGet(version, Math::max);
    }

    /** Whether every unlogged change is in a store version below {@code durableBelow}. */
    boolean noneBeyond(long durableBelow) {
        return pendingVersion.get() < durableBelow && watchedUnchanged();
    }

    /** Whether the engine's own maps are as the last synced store version holds them. */
    boolean watchedUnchanged() {
        Watched watched = durable;
        for (int i = 0; i < watched.ids.length; i++) {
            MVMap<?, ?> map = watched.maps[i];
            Object root = map != null && !map.isClosed() ? map.getRootPage() : root(watched.ids[i]);
            if (root != watched.roots[i]) {
                return false;
            }
        }
        return true;
    }

    /** The engine's maps and their roots now: taken with a store version (while nothing applies). */
    Watched watchedNow() {
        List<Integer> ids = new ArrayList<>();
        MVMap<String, String> meta = store.getMetaMap();
        ids.add(meta.getId());
        for (String name : store.getMapNames()) {
            if (!isTransactional(name)) {
                String id = meta.get("name." + name);
                if (id != null) {
                    ids.add(Integer.parseInt(id, 16));
                }
            }
        }
        int[] result = ids.stream().mapToInt(Integer::intValue).toArray();
        MVMap<?, ?>[] maps = new MVMap<?, ?>[result.length];
        Object[] roots = new Object[result.length];
        for (int i = 0; i < result.length; i++) {
            maps[i] = result[i] == meta.getId() ? meta : store.getMap(result[i]);
            roots[i] = root(result[i]);
        }
        return new Watched(result, maps, roots);
    }

    /** A store version taken with {@link #watchedNow} is on stable storage: every version below {@code storedBelow}. */
    void durable(Watched watched, long storedBelow) {
        this.durable = watched;
        // a later unlogged change keeps its own, higher version
        pendingVersion.getAndUpdate(pending -> pending < storedBelow ? -1 : pending);
    }

    private Object root(int id) {
        if (id == store.getMetaMap().getId()) {
            return store.getMetaMap().getRootPage();
        }
        MVMap<?, ?> map = store.getMap(id);
        return map == null ? null : map.getRootPage();
    }

    /** Tables' and indexes' maps (their changes are in the undo log) and the undo logs and temporary maps. */
    private static boolean isTransactional(String name) {
        return name.startsWith("table.") && !name.equals("table.0") || name.startsWith("index.")
                || name.startsWith("undoLog") || name.startsWith("temp");
    }

    private static String verb(String sql) {
        int start = 0;
        while (start < sql.length() && (Character.isWhitespace(sql.charAt(start)) || sql.charAt(start) == '(')) {
            start++;
        }
        int end = start;
        while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
            end++;
        }
        return sql.substring(start, end).toUpperCase(java.util.Locale.ROOT);
    }
}
