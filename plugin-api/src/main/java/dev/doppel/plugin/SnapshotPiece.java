package dev.doppel.plugin;

import java.util.Objects;

/**
 * A part of one file of a {@link StorageSnapshot} to be written at {@code offset} in the copy: either
 * {@code length} bytes read from the live file at the same offset ({@code content} null), or the given
 * {@code content} (bytes the engine captured at the consistent point, such as a file header).
 *
 * @param file path relative to the data directory, with '/' separators
 */
public record SnapshotPiece(String file, long offset, long length, byte[] content) {

    public SnapshotPiece {
        Objects.requireNonNull(file, "file");
        if (offset < 0 || length < 0 || content != null && content.length != length) {
            throw new IllegalArgumentException("bad piece " + file + " @" + offset + " +" + length);
        }
    }

    /** {@code length} bytes of the live file from {@code offset}. */
    public static SnapshotPiece range(String file, long offset, long length) {
        return new SnapshotPiece(file, offset, length, null);
    }

    /** Bytes to write as given. */
    public static SnapshotPiece bytes(String file, long offset, byte[] content) {
        return new SnapshotPiece(file, offset, content.length, content.clone());
    }
}
