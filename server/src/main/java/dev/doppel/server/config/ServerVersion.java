package dev.doppel.server.config;

/** The version Doppel announces: in the handshake, in {@code @@version} and in {@code --version}. */
public final class ServerVersion {
    /** MySQL release Doppel behaves like, with Doppel's suffix (drivers branch on the leading digits). */
    public static final String VERSION = "8.4.6-doppel";
    /** {@code @@version_comment}; also the parenthesised part of {@code --version}. */
    public static final String VERSION_COMMENT = "Doppel";
    /** Classic protocol version, {@code @@protocol_version}. */
    public static final int PROTOCOL_VERSION = 10;
    /** {@code @@version_compile_os}, as mysqld's SYSTEM_TYPE. */
    public static final String COMPILE_OS = "Linux";

    private ServerVersion() {
    }

    /** {@code @@version_compile_machine}: the JVM's architecture in MySQL's spelling. */
    public static String compileMachine() {
        String arch = System.getProperty("os.arch", "x86_64");
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
    }

    /** The line {@code mysqld --version} prints: {@code <program>  Ver <version> for <os> on <machine> (<comment>)}. */
    public static String versionLine(String programName) {
        return programName + "  Ver " + VERSION + " for " + COMPILE_OS + " on " + compileMachine()
                + " (" + VERSION_COMMENT + ")";
    }
}
