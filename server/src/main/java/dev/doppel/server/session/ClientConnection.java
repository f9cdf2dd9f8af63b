package dev.doppel.server.session;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.auth.CachingSha2Password;
import dev.doppel.server.auth.MysqlNativePassword;
import dev.doppel.server.config.ServerVersion;
import dev.doppel.server.instance.ErrorLog;
import dev.doppel.server.instance.ServerContext;
import dev.doppel.server.protocol.Capabilities;
import dev.doppel.server.protocol.HandshakeResponse;
import dev.doppel.server.protocol.HandshakeV10;
import dev.doppel.server.protocol.MalformedPacketException;
import dev.doppel.server.protocol.Packet;
import dev.doppel.server.protocol.PacketOutput;
import dev.doppel.server.protocol.ResponseWriter;
import dev.doppel.server.protocol.ServerPackets;
import dev.doppel.server.protocol.ServerStatus;
import dev.doppel.server.protocol.Wire;
import dev.doppel.server.security.Account;
import dev.doppel.server.security.AccountStore;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client connection from the greeting to the end: the connection phase (handshake, TLS switch,
 * authentication with method switch, caching_sha2_password's fast, full and RSA paths), then the command
 * phase, which it hands to the {@link Session}. Packets are handled on the connection's serial executor.
 */
public final class ClientConnection implements ServerContext.ConnectionInfo {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DEFAULT_AUTH_METHOD = CachingSha2Password.PLUGIN_NAME;

    private enum Phase { HANDSHAKE, AUTH_SWITCH, SHA2_FULL_AUTH, SHA2_RSA, COMMAND, CLOSED }

    private final ServerContext server;
    private final Channel channel;
    /** The LOAD DATA LOCAL file the session waits for, or null: then every packet is a command. */
    private volatile LocalFileTransfer transfer;
    /** The client is out of step with the protocol (a LOAD DATA LOCAL file it stopped sending): close after the reply. */
    private volatile boolean closeAfterReply;
    private final boolean unixSocket;
    private final long id;
    private final byte[] scramble = newScramble();
    private final SerialExecutor executor;
    private final AtomicBoolean abortLogged = new AtomicBoolean();
    private volatile Phase phase = Phase.HANDSHAKE;
    private volatile boolean tls;
    private int nextSequence;
    private HandshakeResponse response;
    private Account account;
    private String authMethod;
    private boolean usingPassword;
    private volatile Session session;

    public ClientConnection(ServerContext server, Channel channel, boolean unixSocket) {
        this.server = server;
        this.channel = channel;
        this.unixSocket = unixSocket;
        this.id = server.newConnectionId();
        this.executor = new SerialExecutor(server.sessionThreads());
    }

    @Override
    public long id() {
        return id;
    }

    /** Runs this connection's packets in order, off the event loop. */
    public SerialExecutor executor() {
        return executor;
    }

    /** Sends the greeting, or 1040 when max_connections is reached. */
    public void start() {
        server.status().connections.increment();
        if (server.connectionCount() >= server.config().maxConnections() + 1) {
            server.status().connectionErrorsMaxConnections.increment();
            sendErrorAndClose(0, MySqlError.ER_CON_COUNT_ERROR.exception());
            return;
        }
        server.register(this);
        PacketOutput output = new PacketOutput(channel.alloc(), 0);
        new HandshakeV10(ServerVersion.VERSION, id, scramble, serverCapabilities(), 255, ServerStatus.AUTOCOMMIT,
                DEFAULT_AUTH_METHOD).encode(output.begin());
        output.end();
        nextSequence = output.sequence();
        channel.writeAndFlush(output.finish(), channel.voidPromise());
    }

    public int serverCapabilities() {
        return Capabilities.SERVER | (server.keys().tlsAvailable() ? Capabilities.CLIENT_SSL : 0);
    }

    /** Whether the connection is still before authentication (connect_timeout applies). */
    public boolean inConnectionPhase() {
        Phase current = phase;
        return current != Phase.COMMAND && current != Phase.CLOSED;
    }

    /** Called on the event loop once TLS is established after an SSLRequest with sequence id {@code sequence}. */
    public void tlsStarted(int sequence) {
        tls = true;
        nextSequence = (sequence + 1) & 0xFF;
    }

    public boolean unixSocket() {
        return unixSocket;
    }

    /**
     * COM_CHANGE_USER: authenticates again as another account. The server always answers with an
     * AuthSwitchRequest for the new account's method, so every client goes through the same exchange.
     */
    public void changeUser(ByteBuf payload) {
        int capabilities = session.capabilities();
        String user = Wire.readNulTerminated(payload, StandardCharsets.UTF_8);
        byte[] auth;
        if (Capabilities.has(capabilities, Capabilities.CLIENT_SECURE_CONNECTION)) {
            auth = new byte[payload.readUnsignedByte()];
            payload.readBytes(auth);
        } else {
            auth = Wire.readNulTerminatedBytes(payload);
        }
        String database = payload.isReadable() ? Wire.readNulTerminated(payload, StandardCharsets.UTF_8) : "";
        int charset = payload.readableBytes() >= 2 ? payload.readUnsignedShortLE() : response.charset();
        String method = payload.isReadable() ? new String(Wire.readNulTerminatedBytes(payload), StandardCharsets.UTF_8)
                : null;
        Session previous = session;
        previous.end();
        session = null;
        phase = Phase.AUTH_SWITCH;
        response = new HandshakeResponse(capabilities, response.maxPacket(), charset & 0xFF, user, auth,
                database.isEmpty() ? null : database, method, response.attributes(), false);
        usingPassword = carriesPassword(auth);
        Optional<Account> matched = server.accounts().skippingGrants() ? Optional.of(AccountStore.SKIP_GRANTS)
                : server.accounts().match(user, clientHost(), clientAddress());
        nextSequence = 1;
        if (matched.isEmpty()) {
            deny();
            return;
        }
        account = matched.get();
        if (!server.plugins().isActive(account.plugin())) {
            sendErrorAndClose(nextSequence, MySqlError.ER_PLUGIN_IS_NOT_LOADED.exception(account.plugin()));
            return;
        }
        authMethod = account.plugin();
        previous.writer().begin(1);
        PacketOutput output = new PacketOutput(channel.alloc(), nextSequence);
        ServerPackets.authSwitchRequest(output.begin(), authMethod, scramble);
        output.end();
        send(output);
    }

    public boolean secure() {
        return tls || unixSocket;
    }

    /** Whether the client authenticated with a password, for "(using password: YES)" in error messages. */
    public boolean usingPassword() {
        return usingPassword;
    }

    public Session session() {
        return session;
    }

    /**
     * Runs a command on the calling (network) thread when it is one that never waits (see
     * CommandDispatcher#canRunInline); the caller guarantees that no earlier command is still pending.
     * Returns false, having done nothing, otherwise.
     */
    public boolean tryInline(Packet packet) {
        if (phase == Phase.HANDSHAKE || phase == Phase.AUTH_SWITCH) {
            // Checking a scramble is a few hashes; only the full authentication (SHA-256-crypt, RSA) is slow,
            // and it comes in a later packet, which goes to the executor.
            onPacket(packet);
            return true;
        }
        Session current = session;
        if (phase != Phase.COMMAND || current == null || !current.canRunInline(packet)) {
            return false;
        }
        try {
            current.onCommand(packet);
        } finally {
            packet.payload().release();
        }
        return true;
    }

    /**
     * Hands a packet to the LOAD DATA LOCAL statement that waits for its file (network thread); false when none waits,
     * and the packet is a command.
     */
    public boolean tryTransfer(Packet packet) {
        LocalFileTransfer waiting = transfer;
        if (waiting == null) {
            return false;
        }
        waiting.offer(packet);
        return true;
    }

    /**
     * LOAD DATA LOCAL INFILE: asks the client for {@code fileName} and reads what it sends; the statement's reply then
     * continues after the client's last packet, whatever happened. A client that stops sending in the middle of it
     * cannot be read in step again: the connection closes (1159, as mysqld's net_read_timeout).
     */
    public byte[] requestFile(ResponseWriter writer, byte[] fileName, long timeoutSeconds, long limit) {
        LocalFileTransfer waiting = new LocalFileTransfer(writer.output().sequence() + 1);
        transfer = waiting;
        try {
            writer.localInfileRequest(fileName);
            return waiting.receive(timeoutSeconds, limit);
        } catch (dev.doppel.plugin.MySqlException e) {
            closeAfterReply = e.number() == MySqlError.ER_NET_READ_INTERRUPTED.number();
            throw e;
        } finally {
            transfer = null;
            writer.begin(waiting.nextSequence());
        }
    }

    /** Handles one client packet; runs on this connection's executor. */
    public void onPacket(Packet packet) {
        ByteBuf payload = packet.payload();
        try {
            if (phase == Phase.CLOSED) {
                return;
            }
            if (phase == Phase.COMMAND) {
                session.onCommand(packet);
                return;
            }
            if (packet.firstSequence() != nextSequence) {
                abort(packet, MySqlError.ER_NET_PACKETS_OUT_OF_ORDER.exception(), "Got packets out of order");
                return;
            }
            nextSequence = (packet.lastSequence() + 1) & 0xFF;
            switch (phase) {
                case HANDSHAKE -> onHandshakeResponse(payload);
                case AUTH_SWITCH -> verify(bytes(payload), true);
                case SHA2_FULL_AUTH -> onSha2FullAuth(bytes(payload));
                case SHA2_RSA -> onSha2Rsa(bytes(payload));
                default -> throw new IllegalStateException(phase.name());
            }
        } catch (MalformedPacketException | IndexOutOfBoundsException e) {
            abort(packet, MySqlError.ER_HANDSHAKE_ERROR.exception(), "Bad handshake");
        } catch (RuntimeException | Error e) {
            // whatever a client sends during authentication, it gets an answer and the connection ends cleanly
            abort(packet, MySqlError.ER_HANDSHAKE_ERROR.exception(), "Bad handshake: " + e);
        } finally {
            payload.release();
        }
    }

    private void onHandshakeResponse(ByteBuf payload) {
        response = HandshakeResponse.decode(payload, serverCapabilities());
        if (response.sslRequest()) {
            throw new MalformedPacketException("SSLRequest after TLS was set up");
        }
        usingPassword = carriesPassword(response.authResponse());
        if (server.accounts().skippingGrants()) {
            // --skip-grant-tables: no authentication at all, whatever the client sent; a caching_sha2_password
            // client that sent a scramble waits for the fast-auth verdict before the OK
            account = AccountStore.SKIP_GRANTS;
            acceptWithoutGrants(response.authMethod(), response.authResponse());
            return;
        }
        Optional<Account> matched = server.accounts().match(response.user(), clientHost(), clientAddress());
        if (matched.isEmpty()) {
            deny();
            return;
        }
        account = matched.get();
        if (!server.plugins().isActive(account.plugin())) {
            server.status().abortedConnects.increment();
            sendErrorAndClose(nextSequence, MySqlError.ER_PLUGIN_IS_NOT_LOADED.exception(account.plugin()));
            return;
        }
        String clientMethod = response.authMethod() == null ? MysqlNativePassword.PLUGIN_NAME : response.authMethod();
        if (!clientMethod.equals(account.plugin())) {
            authMethod = account.plugin();
            phase = Phase.AUTH_SWITCH;
            PacketOutput output = new PacketOutput(channel.alloc(), nextSequence);
            ServerPackets.authSwitchRequest(output.begin(), authMethod, scramble);
            output.end();
            send(output);
            return;
        }
        authMethod = clientMethod;
        verify(response.authResponse(), false);
    }

    private void verify(byte[] data, boolean afterSwitch) {
        if (afterSwitch) {
            usingPassword = carriesPassword(data);
        }
        if (account == AccountStore.SKIP_GRANTS) {
            acceptWithoutGrants(authMethod, data);
            return;
        }
        String stored = account.authenticationString();
        if (MysqlNativePassword.PLUGIN_NAME.equals(authMethod)) {
            if (MysqlNativePassword.verify(scramble, data, stored)) {
                succeed();
            } else {
                deny();
            }
            return;
        }
        if (!CachingSha2Password.PLUGIN_NAME.equals(authMethod)) {
            deny();
            return;
        }
        if (data.length == 0 || (data.length == 1 && data[0] == 0)) {
            if (stored.isEmpty()) {
                succeed();
            } else {
                usingPassword = false;
                deny();
            }
            return;
        }
        if (stored.isEmpty()) {
            deny();
            return;
        }
        Optional<byte[]> cached = server.sha2Cache().get(account.user(), account.host());
        if (cached.isPresent() && data.length == 32 && CachingSha2Password.verifyScramble(scramble, data, cached.get())) {
            PacketOutput output = new PacketOutput(channel.alloc(), nextSequence);
            ServerPackets.authMoreData(output.begin(), new byte[] {CachingSha2Password.FAST_AUTH_SUCCESS});
            output.end();
            nextSequence = output.sequence();
            writeOk(output);
            return;
        }
        phase = Phase.SHA2_FULL_AUTH;
        PacketOutput output = new PacketOutput(channel.alloc(), nextSequence);
        ServerPackets.authMoreData(output.begin(), new byte[] {CachingSha2Password.PERFORM_FULL_AUTHENTICATION});
        output.end();
        send(output);
    }

    private void onSha2FullAuth(byte[] data) {
        if (data.length == 1 && data[0] == CachingSha2Password.REQUEST_PUBLIC_KEY) {
            String publicKey = server.keys().rsaPublicKeyPem();
            if (publicKey == null) {
                deny();
                return;
            }
            phase = Phase.SHA2_RSA;
            PacketOutput output = new PacketOutput(channel.alloc(), nextSequence);
            ServerPackets.authMoreData(output.begin(), publicKey.getBytes(StandardCharsets.US_ASCII));
            output.end();
            send(output);
            return;
        }
        if (secure()) {
            int length = data.length > 0 && data[data.length - 1] == 0 ? data.length - 1 : data.length;
            checkCleartext(new String(data, 0, length, StandardCharsets.UTF_8));
            return;
        }
        onSha2Rsa(data);
    }

    private void onSha2Rsa(byte[] data) {
        if (server.keys().rsaPrivateKey() == null) {
            deny();
            return;
        }
        try {
            checkCleartext(CachingSha2Password.decryptPassword(data, scramble, server.keys().rsaPrivateKey()));
        } catch (GeneralSecurityException | RuntimeException e) {
            deny();
        }
    }

    private void checkCleartext(String password) {
        if (CachingSha2Password.verifyCleartext(password, account.authenticationString())) {
            server.sha2Cache().put(account.user(), account.host(), CachingSha2Password.fastDigest(password));
            succeed();
        } else {
            deny();
        }
    }

    /**
     * --skip-grant-tables: the client is in, whatever it sent. A caching_sha2_password client that sent a scramble
     * waits for the fast-auth verdict before the OK (MariaDB's client otherwise goes on to full authentication).
     */
    private void acceptWithoutGrants(String method, byte[] data) {
        if (CachingSha2Password.PLUGIN_NAME.equals(method) && data.length > 1) {
            PacketOutput output = new PacketOutput(channel.alloc(), nextSequence);
            ServerPackets.authMoreData(output.begin(), new byte[] {CachingSha2Password.FAST_AUTH_SUCCESS});
            output.end();
            nextSequence = output.sequence();
            writeOk(output);
        } else {
            succeed();
        }
    }

    private void succeed() {
        writeOk(new PacketOutput(channel.alloc(), nextSequence));
    }

    private void writeOk(PacketOutput output) {
        try {
            if (account.locked()) {
                throw MySqlError.ER_ACCOUNT_HAS_BEEN_LOCKED.exception(response.user(), clientHost());
            }
            if (server.config().requireSecureTransport() && !secure()) {
                throw MySqlError.ER_SECURE_TRANSPORT_REQUIRED.exception();
            }
            UserConnectionLimits.check(server, account);
            if (account.passwordExpired()
                    && !Capabilities.has(response.capabilities(), Capabilities.CLIENT_CAN_HANDLE_EXPIRED_PASSWORDS)) {
                throw MySqlError.ER_MUST_CHANGE_PASSWORD_LOGIN.exception();
            }
            Session created = new Session(server, this, response, account, clientHost(), secure());
            created.connectTo(response.database());
            session = created;
            server.status().accounts().connected(created.user(), created.host());
            GeneralLogLines.write(created, "Connect", response.user() + "@" + clientHost() + " on "
                    + (response.database() == null ? "" : response.database()) + " using "
                    + (unixSocket ? "Socket" : secure() ? "SSL/TLS" : "TCP/IP"));
            phase = Phase.COMMAND;
            ServerPackets.ok(output.begin(), 0, 0, 0, created.statusFlags(), 0, null, null, response.capabilities());
            output.end();
            send(output);
        } catch (MySqlException e) {
            server.status().abortedConnects.increment();
            ServerPackets.error(output.begin(), e.number(), e.sqlState(), e.getMessage());
            output.end();
            send(output);
            close();
        }
    }

    private void deny() {
        server.status().abortedConnects.increment();
        MySqlException denied = MySqlError.ER_ACCESS_DENIED_ERROR.exception(response.user(), clientHost(),
                usingPassword ? "YES" : "NO");
        server.generalLog().write(id, "Connect", denied.getMessage());
        sendErrorAndClose(nextSequence, denied);
    }

    /** Reports a protocol violation: ERR where the protocol allows it, one line to the error log, close. */
    public void abort(Packet packet, MySqlException error, String reason) {
        if (phase == Phase.CLOSED) {
            return;
        }
        if (inConnectionPhase()) {
            server.status().abortedConnects.increment();
        } else {
            server.status().abortedClients.increment();
        }
        logAborted(reason);
        sendErrorAndClose(packet == null ? nextSequence : (packet.lastSequence() + 1) & 0xFF, error);
    }

    /**
     * One error-log line for a connection that ended badly, in MySQL's "Aborted connection" form; only the first
     * call per connection writes. Returns whether this call wrote it.
     */
    public boolean logAborted(String reason) {
        if (!abortLogged.compareAndSet(false, true)) {
            return false;
        }
        Session current = session;
        String user = current == null ? "unauthenticated" : current.user();
        String db = current == null || current.schema() == null ? "unconnected" : current.schema();
        server.log().write(id, ErrorLog.Label.WARNING, 10914, "Server", "Aborted connection " + id + " to db: '" + db
                + "' user: '" + user + "' host: '" + clientHost() + "' (" + reason + ").");
        return true;
    }

    public void sendErrorAndClose(int sequence, MySqlException error) {
        PacketOutput output = new PacketOutput(channel.alloc(), sequence);
        ServerPackets.error(output.begin(), error.number(), error.sqlState(), error.getMessage());
        output.end();
        phase = Phase.CLOSED;
        channel.writeAndFlush(output.finish()).addListener(future -> channel.close());
    }

    private void send(PacketOutput output) {
        nextSequence = output.sequence();
        channel.writeAndFlush(output.finish(), channel.voidPromise());
    }

    /** Closes the connection; the session ends when the channel is closed. */
    public void close() {
        phase = Phase.CLOSED;
        channel.close();
    }

    /** After a command's reply is on its way: closes the connection when the command left it out of step. */
    void afterReply() {
        if (closeAfterReply) {
            close();
        }
    }

    /** Called when the channel is closed, from whatever side. */
    /** The channel closed; {@code idle}: no command of this connection is queued or running. */
    public void closed(boolean idle) {
        phase = Phase.CLOSED;
        server.unregister(id);
        server.status().statementEvents().sessionEnded(id);
        Session current = session;
        if (current != null) {
            if (idle && current.endsAtOnce()) {
                current.end();
            } else {
                executor.execute(current::end);
            }
        }
    }

    @Override
    public void kill(boolean queryOnly) {
        Session current = session;
        if (current != null) {
            current.killQuery();
        }
        if (!queryOnly) {
            Thread running = executor.currentThread();
            close();
            if (running != null && current == null) {
                running.interrupt();
            }
        }
    }

    public ResponseWriter newResponseWriter(int capabilities) {
        return new ResponseWriter(channel, capabilities);
    }

    public Channel channel() {
        return channel;
    }

    /** The host name as accounts see it: 'localhost' for the Unix socket and loopback, else the IP address. */
    public String clientHost() {
        if (unixSocket) {
            return "localhost";
        }
        InetAddress address = clientAddress();
        if (address == null) {
            return "localhost";
        }
        return address.isLoopbackAddress() ? "localhost" : address.getHostAddress();
    }

    public InetAddress clientAddress() {
        return channel.remoteAddress() instanceof InetSocketAddress socket ? socket.getAddress() : null;
    }

    /** An empty auth response, or one NUL byte as some clients send for an empty password, means no password. */
    private static boolean carriesPassword(byte[] authResponse) {
        return authResponse.length > 1 || (authResponse.length == 1 && authResponse[0] != 0);
    }

    private static byte[] bytes(ByteBuf payload) {
        byte[] result = new byte[payload.readableBytes()];
        payload.readBytes(result);
        return result;
    }

    private static byte[] newScramble() {
        byte[] result = new byte[20];
        RANDOM.nextBytes(result);
        for (int i = 0; i < result.length; i++) {
            // printable and never NUL or '$', as MySQL's generate_user_salt() makes it
            result[i] = (byte) (0x21 + (result[i] & 0x7F) % 0x5E);
            if (result[i] == '$') {
                result[i] = '%';
            }
        }
        return result;
    }
}
