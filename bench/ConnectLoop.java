import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Connection-setup benchmark: N sequential connects, each running {@code SELECT 1} and closing,
 * after a warm-up of 500 (class loading and the first JIT compilations of client and server are not timed).
 * Run in source-launch mode: {@code java -cp mysql-connector-j.jar bench/ConnectLoop.java URL USER PASS N}.
 * Prints one line: {@code connections=N seconds=S conn_per_s=R ms_per_conn=M}.
 */
public final class ConnectLoop {
    private static final int WARM_UP = 500;

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: java -cp <connector-j.jar> ConnectLoop.java URL USER PASS N");
            System.exit(2);
        }
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int n = Integer.parseInt(args[3]);

        connectLoop(url, user, password, WARM_UP);
        long start = System.nanoTime();
        connectLoop(url, user, password, n);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("connections=%d seconds=%.3f conn_per_s=%.1f ms_per_conn=%.3f%n",
                n, seconds, n / seconds, seconds * 1000 / n);
    }

    private static void connectLoop(String url, String user, String password, int n) {
        for (int i = 0; i < n; i++) {
            try {
                connectOnce(url, user, password);
            } catch (SQLException | RuntimeException e) {
                throw new IllegalStateException("connection " + (i + 1) + " of " + n + " failed: " + e, e);
            }
        }
    }

    private static void connectOnce(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            if (!rs.next() || rs.getInt(1) != 1) {
                throw new IllegalStateException("SELECT 1 did not return 1");
            }
        }
    }
}
