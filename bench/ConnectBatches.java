import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How a server's connection rate develops: BATCHES x SIZE sequential connects, each running {@code SELECT 1} and
 * closing, with no warm-up; prints the rate of each batch on one line (conn/s). Shows how long a server takes to
 * warm up (docs/benchmarks.md, seventh session). Run in source-launch mode:
 * {@code java -cp mysql-connector-j.jar bench/ConnectBatches.java URL USER PASS BATCHES SIZE}.
 */
public final class ConnectBatches {
    public static void main(String[] args) throws SQLException {
        if (args.length != 5) {
            System.err.println("usage: java -cp <connector-j.jar> ConnectBatches.java URL USER PASS BATCHES SIZE");
            System.exit(2);
        }
        int batches = Integer.parseInt(args[3]);
        int size = Integer.parseInt(args[4]);
        StringBuilder rates = new StringBuilder();
        for (int batch = 0; batch < batches; batch++) {
            long start = System.nanoTime();
            for (int i = 0; i < size; i++) {
                try (Connection c = DriverManager.getConnection(args[0], args[1], args[2]);
                     Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT 1")) {
                    rs.next();
                }
            }
            rates.append(Math.round(size / ((System.nanoTime() - start) / 1e9))).append(' ');
        }
        System.out.println(rates.toString().trim());
    }
}
