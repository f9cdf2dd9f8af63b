package dev.doppel.server.engine.aggregate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * One group's GROUP_CONCAT list, never much longer than what it can show: {@code limit} bytes (MySQL's
 * group_concat_max_len, bounded by max_allowed_packet). Without ORDER BY the list stops growing once it is past the
 * limit. With ORDER BY it keeps the items that sort first: an item is dropped as soon as the items before it fill
 * the limit on their own, since no later row can bring it back into view. So a group holds at most the limit plus
 * one item, whatever the number of rows; only DISTINCT remembers every value it has seen.
 */
final class GroupConcatList {
    /** One row's contribution. */
    record Item(byte[] bytes, Object[] keys, long arrival) {
    }

    private final long limit;
    private final byte[] separator;
    private final Set<List<Object>> seen;
    private final Comparator<Item> order;
    private final PriorityQueue<Item> lastFirst;
    private byte[] joined = new byte[0];
    private int joinedLength;
    private long orderedLength;
    private long arrivals;
    private boolean anyRow;
    private boolean binary;
    private boolean cut;

    /** {@code order} is null without ORDER BY. */
    GroupConcatList(long limit, byte[] separator, boolean distinct, Comparator<Object[]> order) {
        this.limit = limit;
        this.separator = separator;
        this.seen = distinct ? new HashSet<>() : null;
        if (order == null) {
            this.order = null;
            this.lastFirst = null;
        } else {
            this.order = Comparator.<Item, Object[]>comparing(Item::keys, order).thenComparingLong(Item::arrival);
            this.lastFirst = new PriorityQueue<>(this.order.reversed());
        }
    }

    /** Whether another row can still change the result; once false, rows need not even be read. */
    boolean open() {
        return order != null || !anyRow || joinedLength <= limit;
    }

    /** Adds a row; {@code sameness} is what DISTINCT compares (null without DISTINCT). */
    void add(byte[] bytes, boolean binaryValue, Object[] keys, List<Object> sameness) {
        if (seen != null && !seen.add(sameness)) {
            return;
        }
        binary |= binaryValue;
        if (order == null) {
            append(bytes);
            return;
        }
        anyRow = true;
        if (bytes.length == 0 && separator.length == 0) {
            return; // shows nothing, wherever it sorts
        }
        lastFirst.add(new Item(bytes, keys, arrivals++));
        orderedLength += bytes.length + (lastFirst.size() > 1 ? separator.length : 0);
        while (lastFirst.size() > 1) {
            Item last = lastFirst.peek();
            long before = orderedLength - last.bytes().length - separator.length;
            if (before < limit) {
                break;
            }
            lastFirst.poll();
            orderedLength = before;
            cut = true;
        }
    }

    private void append(byte[] bytes) {
        if (anyRow && joinedLength > limit) {
            cut = true;
            return;
        }
        if (anyRow) {
            write(separator);
        }
        anyRow = true;
        write(bytes);
    }

    private void write(byte[] bytes) {
        int needed = joinedLength + bytes.length;
        if (needed > joined.length) {
            // past limit + 1 nothing more is appended, so the array never needs to double beyond it
            long doubled = Math.min(joined.length * 2L, limit + 1);
            joined = Arrays.copyOf(joined, (int) Math.max(needed, doubled));
        }
        System.arraycopy(bytes, 0, joined, joinedLength, bytes.length);
        joinedLength += bytes.length;
    }

    /** Whether the result lost part of the list to the limit (MySQL's warning 1260). */
    boolean cut() {
        return cut;
    }

    /**
     * The list joined and cut to the limit (at a character's start for text): a String, or bytes when a value was
     * binary; null when no row had a value.
     */
    Object result() {
        if (!anyRow) {
            return null;
        }
        if (order != null) {
            List<Item> items = new ArrayList<>(lastFirst);
            lastFirst.clear();
            items.sort(order);
            joined = new byte[(int) Math.min(orderedLength, Integer.MAX_VALUE - 16)];
            joinedLength = 0;
            anyRow = false;
            for (int i = 0; i < items.size(); i++) {
                append(items.get(i).bytes());
                items.set(i, null); // the joined copy is all that is needed from here on
            }
        }
        int end = joinedLength;
        if (joinedLength > limit) {
            cut = true;
            end = (int) limit;
            while (!binary && end > 0 && (joined[end] & 0xC0) == 0x80) {
                end--;
            }
        }
        byte[] bytes = joined;
        joined = null;
        if (!binary) {
            return new String(bytes, 0, end, StandardCharsets.UTF_8);
        }
        return end == bytes.length ? bytes : Arrays.copyOf(bytes, end);
    }
}
