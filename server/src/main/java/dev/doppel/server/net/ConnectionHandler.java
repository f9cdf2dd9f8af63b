package dev.doppel.server.net;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.instance.ServerContext;
import dev.doppel.server.protocol.Capabilities;
import dev.doppel.server.protocol.Packet;
import dev.doppel.server.protocol.PacketDecoder;
import dev.doppel.server.protocol.PacketOutOfOrderException;
import dev.doppel.server.protocol.PacketTooLargeException;
import dev.doppel.server.session.ClientConnection;
import dev.doppel.server.session.Session;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The netty side of one connection: hands decoded packets to the connection's serial executor, switches to
 * TLS after an SSLRequest, enforces connect_timeout and wait_timeout, and turns framing errors into MySQL's
 * ERR and a closed connection.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private final ServerContext server;
    private final boolean unixSocket;
    private ClientConnection connection;
    private ScheduledFuture<?> timeout;
    private ScheduledFuture<?> connectTimer;
    private boolean firstPacket = true;
    private volatile boolean busy;
    /** Commands handed to the session's executor whose replies are not written yet (network thread only). */
    private int pendingCommands;
    private volatile long idleSince = System.nanoTime();
    private volatile long idleCheckSeconds = -1;

    ConnectionHandler(ServerContext server, boolean unixSocket) {
        this.server = server;
        this.unixSocket = unixSocket;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connection = new ClientConnection(server, ctx.channel(), unixSocket);
        connection.start();
        long seconds = server.config().connectTimeout();
        connectTimer = ctx.executor().schedule(() -> {
            if (connection.inConnectionPhase()) {
                connection.logAborted("Got timeout reading communication packets");
                server.status().abortedConnects.increment();
                connection.sendErrorAndClose(1, MySqlError.ER_NET_READ_INTERRUPTED.exception());
            }
        }, seconds, TimeUnit.SECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        Packet packet = (Packet) message;
        if (firstPacket) {
            firstPacket = false;
            if (isSslRequest(packet)) {
                startTls(ctx, packet);
                return;
            }
        }
        if (connection.tryTransfer(packet)) {
            return; // a LOAD DATA LOCAL file, read by the statement that asked for it
        }
        if (pendingCommands == 0 && connection.tryInline(packet)) {
            idleSince = System.nanoTime();
            afterCommand(ctx);
            return;
        }
        pendingCommands++;
        busy = true;
        connection.executor().execute(() -> {
            connection.onPacket(packet);
            idleSince = System.nanoTime();
            busy = false;
            // Queued behind the reply's write, so when it runs the reply is out and a command may run inline.
            ctx.executor().execute(() -> {
                pendingCommands--;
                afterCommand(ctx);
            });
        });
    }

    /** On the network thread after each command: the connect timer ends with the login, the idle timer follows wait_timeout. */
    private void afterCommand(ChannelHandlerContext ctx) {
        Session session = connection.session();
        if (session == null) {
            return;
        }
        if (connectTimer != null) {
            connectTimer.cancel(false);
            connectTimer = null;
        }
        if (waitTimeoutSeconds(session) != idleCheckSeconds) {
            armWaitTimeout(ctx);
        }
    }

    private boolean isSslRequest(Packet packet) {
        ByteBuf payload = packet.payload();
        return payload.readableBytes() == 32 && server.keys().tlsAvailable()
                && (payload.getIntLE(payload.readerIndex()) & Capabilities.CLIENT_SSL) != 0;
    }

    private void startTls(ChannelHandlerContext ctx, Packet packet) {
        int sequence = packet.lastSequence();
        packet.payload().release();
        PacketDecoder decoder = ctx.pipeline().get(PacketDecoder.class);
        decoder.pauseForTls();
        ctx.channel().config().setAutoRead(false);
        // Waits only for a TLS connection in the first half second after startup, while the context is built.
        SslHandler ssl = server.keys().serverSslContext().newHandler(ctx.alloc());
        ctx.pipeline().addFirst("tls", ssl);
        connection.tlsStarted(sequence);
        ctx.executor().execute(() -> {
            ByteBuf leftover = decoder.resumeAfterTls();
            ctx.channel().config().setAutoRead(true);
            if (leftover.isReadable()) {
                // The SslHandler flushes its handshake replies on read-complete, so both events are needed.
                ctx.pipeline().fireChannelRead(leftover);
                ctx.pipeline().fireChannelReadComplete();
            } else {
                leftover.release();
            }
        });
    }

    /**
     * An idle session is closed after wait_timeout seconds with ERR 4031. Rather than re-arming a timer for every
     * command, one timer per connection checks how long the session has really been idle and sleeps again for
     * the rest; it is re-armed only when the session's wait_timeout changes.
     */
    private void armWaitTimeout(ChannelHandlerContext ctx) {
        cancelTimeout();
        Session session = connection.session();
        if (session == null || !ctx.channel().isActive()) {
            return;
        }
        idleCheckSeconds = waitTimeoutSeconds(session);
        timeout = ctx.executor().schedule(() -> checkIdle(ctx), idleCheckSeconds, TimeUnit.SECONDS);
    }

    private void checkIdle(ChannelHandlerContext ctx) {
        Session session = connection.session();
        if (session == null || !ctx.channel().isActive()) {
            return;
        }
        long limit = TimeUnit.SECONDS.toNanos(waitTimeoutSeconds(session));
        long idle = System.nanoTime() - idleSince;
        if (busy || idle < limit) {
            timeout = ctx.executor().schedule(() -> checkIdle(ctx), busy ? limit : limit - idle, TimeUnit.NANOSECONDS);
            return;
        }
        connection.executor().execute(() -> {
            if (connection.session() != null && connection.channel().isActive() && !busy) {
                connection.logAborted("Got timeout reading communication packets");
                server.status().abortedClients.increment();
                connection.sendErrorAndClose(0, MySqlError.ER_CLIENT_INTERACTION_TIMEOUT.exception());
            }
        });
    }

    private static long waitTimeoutSeconds(Session session) {
        return ((Number) session.variables().value("wait_timeout")).longValue();
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent completion && !completion.isSuccess()) {
            connection.logAborted("TLS handshake failed: " + completion.cause().getMessage());
            ctx.close();
        }
        ReferenceCountUtil.release(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelTimeout();
        if (connectTimer != null) {
            connectTimer.cancel(false);
        }
        if (connection != null) {
            // the client went away before authenticating (mysqld counts it in Aborted_connects)
            if (connection.inConnectionPhase() && connection.logAborted("Got an error reading communication packets")) {
                server.status().abortedConnects.increment();
            }
            connection.closed(pendingCommands == 0);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (connection == null || cause instanceof RejectedExecutionException) {
            // rejected: the server is shutting down and its session threads take no more work
            ctx.close();
            return;
        }
        if (cause instanceof PacketTooLargeException tooLarge) {
            connection.logAborted("Got a packet bigger than 'max_allowed_packet' bytes");
            connection.sendErrorAndClose(tooLarge.nextSequence(), MySqlError.ER_NET_PACKET_TOO_LARGE.exception());
        } else if (cause instanceof PacketOutOfOrderException) {
            connection.logAborted("Got packets out of order");
            connection.sendErrorAndClose(0, MySqlError.ER_NET_PACKETS_OUT_OF_ORDER.exception());
        } else if (cause instanceof IOException || cause.getCause() instanceof IOException) {
            if (connection.inConnectionPhase()) {
                server.status().abortedConnects.increment();
            }
            connection.logAborted("Got an error reading communication packets");
            ctx.close();
        } else {
            connection.logAborted("Got an error reading communication packets: " + cause.getClass().getSimpleName());
            ctx.close();
        }
    }
}
