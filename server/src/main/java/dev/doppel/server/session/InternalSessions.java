package dev.doppel.server.session;

import dev.doppel.server.instance.ServerContext;
import dev.doppel.server.protocol.Capabilities;
import dev.doppel.server.protocol.HandshakeResponse;
import dev.doppel.server.security.Account;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;

import java.util.Map;

/**
 * Sessions the server opens for itself, without a client (the event scheduler's): an account, a database, and a
 * connection whose replies go nowhere.
 */
public final class InternalSessions {
    private static final int UTF8MB4 = 255;

    private InternalSessions() {
    }

    /** A session of {@code account} in {@code database}, as a client with multi-results would have it. */
    public static Session open(ServerContext server, Account account, String database) {
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
                ReferenceCountUtil.release(message);
                promise.trySuccess();
            }
        });
        ClientConnection connection = new ClientConnection(server, channel, true);
        int capabilities = Capabilities.SERVER & ~Capabilities.CLIENT_DEPRECATE_EOF;
        HandshakeResponse response = new HandshakeResponse(capabilities, 1 << 24, UTF8MB4, account.user(), new byte[0],
                null, "caching_sha2_password", Map.of(), false);
        Session session = new Session(server, connection, response, account, account.host(), true);
        session.connectTo(database);
        return session;
    }

    /** Ends a session {@link #open} made: rolls back what it left open, releases its engine connection. */
    public static void close(Session session) {
        session.end();
        session.connection().channel().close();
    }
}
