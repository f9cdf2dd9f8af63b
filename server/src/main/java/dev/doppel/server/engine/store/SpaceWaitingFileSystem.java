package dev.doppel.server.engine.store;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

/**
 * The engine's files, written so that a full disk makes a write wait for space instead of failing. MVStore cannot
 * take a failed write back: it closes the store, and every statement after fails until a restart. The server
 * refuses and stops writing statements before the disk is full (DiskSpace, RunningWrites); this is the net under
 * that, for a write that still finds no room: it waits, as MySQL's "Disk full (...); waiting for someone to free
 * some space..." says, and goes on where it stopped once there is room. Reads never wait.
 */
public final class SpaceWaitingFileSystem extends FilePathWrapper {
    /** The prefix of the engine's file names, as in {@code jdbc:h2:doppel-space:/path/doppel}. */
    public static final String SCHEME = "doppel-space";
    private static final long RETRY_MILLIS = 1000;
    private static final long REPORT_EVERY_MILLIS = 600_000;

    private static final Logger LOG = LoggerFactory.getLogger(SpaceWaitingFileSystem.class);

    static {
        FilePath.register(new SpaceWaitingFileSystem());
    }

    /** The engine's URL prefix for a file; makes the scheme known to the engine first. */
    public static String urlPrefix() {
        return "jdbc:h2:" + SCHEME + ":";
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode), getBase().toString());
    }

    /** Whether a failed write failed for want of space (ENOSPC, EDQUOT). */
    static boolean noSpace(IOException e) {
        String message = e.getMessage();
        return message != null && (message.contains("No space left on device") || message.contains("quota"));
    }

    private static final class Channel extends FileBase {
        private final FileChannel base;
        private final String name;

        Channel(FileChannel base, String name) {
            this.base = base;
            this.name = name;
        }

        @Override
        public int write(ByteBuffer source, long position) throws IOException {
            int start = source.position();
            long reportedAt = 0;
            while (true) {
                try {
                    while (source.hasRemaining()) {
                        base.write(source, position + source.position() - start);
                    }
                    return source.position() - start;
                } catch (IOException e) {
                    if (!noSpace(e)) {
                        throw e;
                    }
                    long now = System.currentTimeMillis();
                    if (now - reportedAt >= REPORT_EVERY_MILLIS) {
                        LOG.error("Disk is full writing '{}' (OS errno 28 - No space left on device). Waiting for"
                                + " someone to free space...", name);
                        reportedAt = now;
                    }
                    pause();
                }
            }
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            long position = base.position();
            int written = write(source, position);
            base.position(position + written);
            return written;
        }

        private static void pause() throws IOException {
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for disk space", e);
            }
        }

        @Override
        public int read(ByteBuffer destination, long position) throws IOException {
            return base.read(destination, position);
        }

        @Override
        public int read(ByteBuffer destination) throws IOException {
            return base.read(destination);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long position) throws IOException {
            base.position(position);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }

        @Override
        public String toString() {
            return SCHEME + ":" + name;
        }
    }
}
