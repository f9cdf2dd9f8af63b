package dev.doppel.server.engine.store;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.mvstore.tx.VersionedValueType;
import org.h2.value.VersionedValue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A transaction's changes as a redo record, and back into the store. The engine keeps, until a transaction commits,
 * the key of every entry it changed in each map (its undo log); the record holds, for each, the map's name, the key
 * and the value the transaction leaves (or that it removes the entry), each written by the map's own data types. Put
 * back in log order into the maps, in one transaction, the records give the store every commit they hold.
 */
final class RedoRecords {
    /** The record of a change the log does not hold: replay stops there unless the store holds its version. */
    static final byte[] BARRIER = new byte[0];
    private static final byte PUT = 1;
    private static final byte REMOVE = 2;

    /**
     * A commit's record is written here and copied out: the engine's buffer grows by at least 1 MB, zeroed, so a new
     * one per commit cost a tenth of the server's CPU under sysbench write_only (measured). One per session thread,
     * given up when a large transaction made it large.
     */
    private static final ThreadLocal<WriteBuffer> BUFFERS = ThreadLocal.withInitial(() -> new WriteBuffer(16 << 10));
    private static final int KEPT_BUFFER_BYTES = 64 << 10;

    private final MVStore store;
    /** The open maps by name, with their names' bytes; a map closed since (its table dropped) is looked up again. */
    private final Map<String, Target> maps = new ConcurrentHashMap<>();

    private record Target(MVMap<Object, Object> map, byte[] name) {
    }

    RedoRecords(MVStore store) {
        this.store = store;
    }

    /**
     * The record of {@code transaction}'s changes, read before its commit in the engine; null when it has more than
     * {@code maxChanges} (stored by the store's own commit instead) or touches a map that is not open.
     */
    byte[] encode(Transaction transaction, int maxChanges) {
        // setSavepoint only reads the length of the transaction's undo log
        if (transaction.setSavepoint() > maxChanges) {
            return null;
        }
        WriteBuffer out = BUFFERS.get();
        out.clear();
        try {
            return encode(transaction, out);
        } finally {
            if (out.capacity() > KEPT_BUFFER_BYTES) {
                BUFFERS.remove();
            }
        }
    }

    private byte[] encode(Transaction transaction, WriteBuffer out) {
        Iterator<TransactionStore.Change> changes = transaction.getChanges(0);
        while (changes.hasNext()) {
            TransactionStore.Change change = changes.next();
            Target target = target(change.mapName);
            if (target == null) {
                return null;
            }
            MVMap<Object, Object> map = target.map;
            Object current = map.get(change.key);
            Object value = current instanceof VersionedValue<?> versioned ? versioned.getCurrentValue() : null;
            byte[] name = target.name;
            out.put(value == null ? REMOVE : PUT).putShort((short) name.length).put(name);
            int keyAt = out.position();
            out.putInt(0);
            map.getKeyType().write(out, change.key);
            out.putInt(keyAt, out.position() - keyAt - 4);
            if (value != null) {
                int valueAt = out.position();
                out.putInt(0);
                map.getValueType().write(out, value);
                out.putInt(valueAt, out.position() - valueAt - 4);
            }
        }
        ByteBuffer buffer = out.getBuffer();
        buffer.flip();
        byte[] result = new byte[buffer.remaining()];
        buffer.get(result);
        return result;
    }

    private Target target(String name) {
        Target target = maps.get(name);
        if (target == null || target.map.isClosed()) {
            MVMap<Object, Object> map = openMap(store, name);
            if (map == null) {
                maps.remove(name);
                return null;
            }
            target = new Target(map, name.getBytes(StandardCharsets.UTF_8));
            maps.put(name, target);
        }
        return target;
    }

    /** A map of the store by name, only if the engine has it open (opening it here would give it the wrong types). */
    @SuppressWarnings("unchecked")
    static MVMap<Object, Object> openMap(MVStore store, String name) {
        String id = store.getMetaMap().get("name." + name);
        if (id == null) {
            return null;
        }
        MVMap<Object, Object> map = store.getMap(Integer.parseInt(id, 16));
        return map != null && (Object) map.getValueType() instanceof VersionedValueType<?, ?> ? map : null;
    }

    /**
     * Puts the records' changes into the store, in order, as one transaction committed in the engine (not yet in the
     * store's file). A change to a map the store no longer has (a table dropped since) is left out.
     *
     * @return how many changes were put back
     */
    static long replay(MVStore store, TransactionStore transactions, List<byte[]> payloads) {
        Transaction transaction = transactions.begin();
        Map<String, TransactionMap<Object, Object>> maps = new HashMap<>();
        long count = 0;
        for (byte[] payload : payloads) {
            ByteBuffer in = ByteBuffer.wrap(payload);
            while (in.hasRemaining()) {
                byte kind = in.get();
                byte[] name = new byte[in.getShort()];
                in.get(name);
                String mapName = new String(name, StandardCharsets.UTF_8);
                TransactionMap<Object, Object> map = maps.computeIfAbsent(mapName, each -> {
                    MVMap<Object, Object> open = openMap(store, each);
                    return open == null ? null : transaction.openMapX(cast(open));
                });
                ByteBuffer key = slice(in);
                ByteBuffer value = kind == PUT ? slice(in) : null;
                if (map == null) {
                    continue;
                }
                MVMap<Object, VersionedValue<Object>> raw = map.map;
                Object keyObject = raw.getKeyType().read(key);
                if (value == null) {
                    map.remove(keyObject);
                } else {
                    map.put(keyObject, raw.getValueType().read(value).getCurrentValue());
                }
                count++;
            }
        }
        transaction.commit();
        return count;
    }

    @SuppressWarnings("unchecked")
    private static MVMap<Object, VersionedValue<Object>> cast(MVMap<Object, Object> map) {
        return (MVMap<Object, VersionedValue<Object>>) (MVMap<?, ?>) map;
    }

    private static ByteBuffer slice(ByteBuffer in) {
        int length = in.getInt();
        ByteBuffer result = in.slice(in.position(), length);
        in.position(in.position() + length);
        return result;
    }
}
