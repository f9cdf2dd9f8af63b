package dev.doppel.server.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The redo log's files in {@code #redo} of the data directory (docs/durability.md, "The redo log"). A segment is a
 * file of {@link #SEGMENT_BYTES} named by the log position it starts at; the next segment starts one segment size
 * later, so a gap in the names is a gap in the log. A record never crosses two segments: one that does not fit ends
 * the segment with an end mark and goes to the next. Segments are filled with zeros before use (the spare), so that
 * a commit's sync writes no file size and no block allocation, only the record.
 *
 * <p>A record: its length (int, header included), a CRC-32C of everything after the first eight bytes, its log
 * position (long), the store version its transaction committed in (long), then its payload. Reading stops at the
 * first record that is not whole: it and everything after it were never acknowledged.
 */
final class RedoSegments {
    static final String DIRECTORY = "#redo";
    static final int SEGMENT_BYTES = 4 << 20;
    static final int HEADER_BYTES = 24;
    /** A record of only a header with this version ends a segment: reading goes on in the next one. */
    static final long END_MARK = -2;
    private static final String PREFIX = "redo.";
    private static final String SPARE = "redo.spare";

    private RedoSegments() {
    }

    /** A record as read back. */
    record Record(long position, long version, byte[] payload) {
    }

    static Path directory(Path datadir) {
        return datadir.resolve(DIRECTORY);
    }

    static Path segment(Path directory, long start) {
        return directory.resolve(PREFIX + String.format("%020d", start));
    }

    static Path spare(Path directory) {
        return directory.resolve(SPARE);
    }

    /** The segments in the directory, by their start. */
    static List<Long> starts(Path directory) throws IOException {
        List<Long> result = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return result;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path each : (Iterable<Path>) files::iterator) {
                String name = each.getFileName().toString();
                if (name.startsWith(PREFIX) && name.length() == PREFIX.length() + 20
                        && name.substring(PREFIX.length()).chars().allMatch(Character::isDigit)) {
                    result.add(Long.parseLong(name.substring(PREFIX.length())));
                }
            }
        }
        result.sort(null);
        return result;
    }

    /** Every whole record, in log order, up to the first that is not whole or the first gap between segments. */
    static List<Record> read(Path directory) throws IOException {
        List<Record> result = new ArrayList<>();
        List<Long> starts = starts(directory);
        for (int i = 0; i < starts.size(); i++) {
            if (i > 0 && starts.get(i) != starts.get(i - 1) + SEGMENT_BYTES) {
                break;
            }
            if (!readSegment(segment(directory, starts.get(i)), starts.get(i), result)) {
                break;
            }
        }
        return result;
    }

    /** Adds the segment's records; whether it ended with an end mark, so that the log goes on in the next. */
    private static boolean readSegment(Path file, long start, List<Record> into) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int offset = 0;
        while (offset + HEADER_BYTES <= bytes.length) {
            int length = buffer.getInt(offset);
            if (length < HEADER_BYTES || length > bytes.length - offset) {
                return false;
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, offset + 8, length - 8);
            if ((int) crc.getValue() != buffer.getInt(offset + 4) || buffer.getLong(offset + 8) != start + offset) {
                return false;
            }
            long version = buffer.getLong(offset + 16);
            if (version == END_MARK) {
                return true;
            }
            byte[] payload = new byte[length - HEADER_BYTES];
            System.arraycopy(bytes, offset + HEADER_BYTES, payload, 0, payload.length);
            into.add(new Record(start + offset, version, payload));
            offset += length;
        }
        return false;
    }

    /** A record with its header, ready to be written at {@code position}. */
    static ByteBuffer record(long position, long version, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        buffer.putInt(HEADER_BYTES + payload.length).putInt(0).putLong(position).putLong(version).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 8, buffer.capacity() - 8);
        buffer.putInt(4, (int) crc.getValue());
        buffer.flip();
        return buffer;
    }

    /** Makes the spare segment: zeros on stable storage, under its own name. */
    static void makeSpare(Path directory) throws IOException {
        Path temporary = directory.resolve(SPARE + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
            for (long at = 0; at < SEGMENT_BYTES; at += zeros.capacity()) {
                zeros.clear();
                while (zeros.hasRemaining()) {
                    channel.write(zeros, at + zeros.position());
                }
            }
            channel.force(true);
        }
        Files.move(temporary, spare(directory), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DirectorySync.sync(directory);
    }

    /** Turns the spare into the segment starting at {@code start}; its name is on stable storage when this returns. */
    static Path takeSpare(Path directory, long start) throws IOException {
        Path target = segment(directory, start);
        Files.move(spare(directory), target, StandardCopyOption.ATOMIC_MOVE);
        DirectorySync.sync(directory);
        return target;
    }
}
