package dev.doppel.server.session;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.protocol.Packet;
import io.netty.buffer.ByteBuf;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The file a client sends for LOAD DATA LOCAL INFILE: after the server's request, the client's packets up to an empty
 * one are the file, not commands. The network thread hands them here ({@link ClientConnection#tryTransfer}) while
 * the statement waits for them on the session's thread.
 */
public final class LocalFileTransfer {
    private final BlockingQueue<Packet> packets = new LinkedBlockingQueue<>();
    /** The sequence id the statement's reply continues with: the one after the client's last packet. */
    private volatile int nextSequence;

    LocalFileTransfer(int nextSequence) {
        this.nextSequence = nextSequence & 0xFF;
    }

    int nextSequence() {
        return nextSequence;
    }

    void offer(Packet packet) {
        packets.add(packet);
    }

    /**
     * Reads the file to its end. Past {@code limit} bytes the rest is read and dropped, and the statement fails with
     * 1041: the whole file is held in memory until the rows are inserted. 1159 when no packet comes for
     * {@code timeoutSeconds} (net_read_timeout).
     */
    byte[] receive(long timeoutSeconds, long limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean tooLarge = false;
        while (true) {
            Packet packet;
            try {
                packet = packets.poll(timeoutSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw MySqlError.ER_NET_READ_INTERRUPTED.exception();
            }
            if (packet == null) {
                throw MySqlError.ER_NET_READ_INTERRUPTED.exception();
            }
            nextSequence = (packet.lastSequence() + 1) & 0xFF;
            ByteBuf payload = packet.payload();
            try {
                int length = payload.readableBytes();
                if (length == 0) {
                    if (tooLarge) {
                        throw MySqlError.ER_OUT_OF_RESOURCES.exception();
                    }
                    return out.toByteArray();
                }
                if (!tooLarge && out.size() + (long) length <= limit) {
                    byte[] bytes = new byte[length];
                    payload.readBytes(bytes);
                    out.writeBytes(bytes);
                } else if (!tooLarge) {
                    tooLarge = true;
                    out = new ByteArrayOutputStream();
                }
            } finally {
                payload.release();
            }
        }
    }
}
