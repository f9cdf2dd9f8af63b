package dev.doppel.server.net;

import dev.doppel.server.instance.StatusCounters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.ssl.SslHandler;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes of the protocol a connection receives and sends, for Bytes_received and Bytes_sent (the
 * server's and the session's). It sits on the protocol's side of TLS, so the counts are of the protocol's packets,
 * as MySQL counts them.
 */
public final class TrafficCounter extends ChannelDuplexHandler {
    private final StatusCounters server;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();

    public TrafficCounter(StatusCounters server) {
        this.server = server;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
        long bytes = size(message);
        received.addAndGet(bytes);
        server.bytesReceived.add(bytes);
        super.channelRead(ctx, message);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) throws Exception {
        long bytes = size(message);
        sent.addAndGet(bytes);
        server.bytesSent.add(bytes);
        super.write(ctx, message, promise);
    }

    private static long size(Object message) {
        if (message instanceof ByteBuf buffer) {
            return buffer.readableBytes();
        }
        return message instanceof ByteBufHolder holder ? holder.content().readableBytes() : 0;
    }

    /** The bytes received and sent on {@code channel}, 0 and 0 when it counts none. */
    public static long[] of(Channel channel) {
        TrafficCounter counter = channel == null ? null : channel.pipeline().get(TrafficCounter.class);
        return counter == null ? new long[2] : new long[] {counter.received.get(), counter.sent.get()};
    }

    /** The TLS cipher suite and protocol version of {@code channel}, or two empty strings without TLS. */
    public static String[] tls(Channel channel) {
        SslHandler ssl = channel == null ? null : channel.pipeline().get(SslHandler.class);
        if (ssl == null || ssl.engine().getSession() == null) {
            return new String[] {"", ""};
        }
        return new String[] {ssl.engine().getSession().getCipherSuite(), ssl.engine().getSession().getProtocol()};
    }
}
