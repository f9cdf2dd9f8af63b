package dev.doppel.server.net;

import dev.doppel.server.instance.ServerContext;
import dev.doppel.server.protocol.PacketDecoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Listens for clients on TCP (port, bind-address) and on the Unix domain socket (socket). */
public final class NetworkServer implements AutoCloseable {
    private final ServerContext server;
    private final EventLoopGroup bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workerGroup = new MultiThreadIoEventLoopGroup(
            Integer.getInteger("doppel.io-threads", Math.max(1, Runtime.getRuntime().availableProcessors())),
            NioIoHandler.newFactory());
    private final List<Channel> listeners = new ArrayList<>();
    private Path socketFile;

    public NetworkServer(ServerContext server) {
        this.server = server;
    }

    /** Binds the TCP listeners; returns the port actually bound (the configured one, or the ephemeral one for 0). */
    public int bindTcp(List<String> bindAddresses, int port) throws InterruptedException {
        int bound = port;
        for (String each : bindAddresses) {
            InetSocketAddress address = each.equals("*") || each.isEmpty()
                    ? new InetSocketAddress(bound) : new InetSocketAddress(each, bound);
            Channel channel = bootstrap(false).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .bind(address).sync().channel();
            listeners.add(channel);
            bound = ((InetSocketAddress) channel.localAddress()).getPort();
        }
        return bound;
    }

    /** Binds the Unix domain socket, replacing a stale socket file left by a server that died. */
    public void bindSocket(Path path) throws InterruptedException, IOException {
        Files.deleteIfExists(path);
        Channel channel = bootstrap(true).channel(NioServerDomainSocketChannel.class)
                .bind(UnixDomainSocketAddress.of(path)).sync().channel();
        listeners.add(channel);
        socketFile = path;
    }

    private ServerBootstrap bootstrap(boolean unixSocket) {
        long maxPacket = server.config().maxAllowedPacket();
        return new ServerBootstrap().group(bossGroup, workerGroup)
                // netty 4.2's default (adaptive) allocator cost about 15 % more server CPU per point select than the
                // pooled one here (sysbench oltp_point_select, measured): replies are built on the session threads.
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast("traffic", new TrafficCounter(server.status()));
                        channel.pipeline().addLast("framing", new PacketDecoder(maxPacket).expectFirstSequence(1));
                        channel.pipeline().addLast("connection", new ConnectionHandler(server, unixSocket));
                    }
                });
    }

    /** Stops accepting connections. */
    public void stopListening() {
        for (Channel each : listeners) {
            each.close().syncUninterruptibly();
        }
        listeners.clear();
        if (socketFile != null) {
            try {
                Files.deleteIfExists(socketFile);
            } catch (IOException ignored) {
                // gone already
            }
        }
    }

    @Override
    public void close() {
        stopListening();
        bossGroup.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        workerGroup.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
