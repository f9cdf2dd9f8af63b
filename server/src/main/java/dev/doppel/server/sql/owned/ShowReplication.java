package dev.doppel.server.sql.owned;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.results.TextResult;

import java.util.List;

/**
 * SHOW REPLICA STATUS, SHOW REPLICAS, SHOW BINARY LOG STATUS and SHOW BINARY LOGS of a server that neither
 * replicates nor writes a binary log (log_bin is OFF): MySQL 8.4's columns and privileges, no rows, and 1381 where
 * MySQL needs the binary log. Monitoring (mysqld_exporter's slave_status) reads an empty REPLICA STATUS as "not a
 * replica".
 */
final class ShowReplication {
    private static final String[] REPLICA_STATUS = {"Replica_IO_State", "Source_Host", "Source_User", "Source_Port",
        "Connect_Retry", "Source_Log_File", "Read_Source_Log_Pos", "Relay_Log_File", "Relay_Log_Pos",
        "Relay_Source_Log_File", "Replica_IO_Running", "Replica_SQL_Running", "Replicate_Do_DB",
        "Replicate_Ignore_DB", "Replicate_Do_Table", "Replicate_Ignore_Table", "Replicate_Wild_Do_Table",
        "Replicate_Wild_Ignore_Table", "Last_Errno", "Last_Error", "Skip_Counter", "Exec_Source_Log_Pos",
        "Relay_Log_Space", "Until_Condition", "Until_Log_File", "Until_Log_Pos", "Source_SSL_Allowed",
        "Source_SSL_CA_File", "Source_SSL_CA_Path", "Source_SSL_Cert", "Source_SSL_Cipher", "Source_SSL_Key",
        "Seconds_Behind_Source", "Source_SSL_Verify_Server_Cert", "Last_IO_Errno", "Last_IO_Error", "Last_SQL_Errno",
        "Last_SQL_Error", "Replicate_Ignore_Server_Ids", "Source_Server_Id", "Source_UUID", "Source_Info_File",
        "SQL_Delay", "SQL_Remaining_Delay", "Replica_SQL_Running_State", "Source_Retry_Count", "Source_Bind",
        "Last_IO_Error_Timestamp", "Last_SQL_Error_Timestamp", "Source_SSL_Crl", "Source_SSL_Crlpath",
        "Retrieved_Gtid_Set", "Executed_Gtid_Set", "Auto_Position", "Replicate_Rewrite_DB", "Channel_Name",
        "Source_TLS_Version", "Source_public_key_path", "Get_Source_public_key", "Network_Namespace"};
    private static final String[] REPLICAS = {"Server_Id", "Host", "Port", "Source_Id", "Replica_UUID"};
    private static final String[] BINARY_LOG_STATUS = {"File", "Position", "Binlog_Do_DB", "Binlog_Ignore_DB",
        "Executed_Gtid_Set"};

    private ShowReplication() {
    }

    /** {@code tokens} from the word after SHOW; the result, or null when they are not a statement of this kind. */
    static TextResult execute(String sql, List<Token> tokens, Session session) {
        Token what = tokens.get(0);
        Token next = tokens.size() > 1 ? tokens.get(1) : null;
        if (what.isWord("REPLICA") && next != null && next.isWord("STATUS")) {
            // FOR CHANNEL 'name' names a channel of which there are none
            expectEnd(sql, tokens, forChannel(tokens, 2) ? 5 : 2);
            requireMonitoring(session);
            return TextResult.of(REPLICA_STATUS);
        }
        if (what.isWord("REPLICAS")) {
            expectEnd(sql, tokens, 1);
            if (!session.privileges().hasGlobal("REPLICATION SLAVE")) {
                throw MySqlError.ER_SPECIFIC_ACCESS_DENIED_ERROR.exception("REPLICATION SLAVE");
            }
            return TextResult.of(REPLICAS);
        }
        if (what.isWord("BINARY") && next != null && next.isWord("LOG") && tokens.size() > 2
                && tokens.get(2).isWord("STATUS")) {
            expectEnd(sql, tokens, 3);
            requireMonitoring(session);
            return TextResult.of(BINARY_LOG_STATUS);
        }
        if (what.isWord("BINARY") && next != null && next.isWord("LOGS")) {
            expectEnd(sql, tokens, 2);
            requireMonitoring(session);
            throw MySqlError.ER_NO_BINARY_LOGGING.exception();
        }
        return null;
    }

    private static boolean forChannel(List<Token> tokens, int at) {
        return tokens.size() == at + 3 && tokens.get(at).isWord("FOR") && tokens.get(at + 1).isWord("CHANNEL");
    }

    private static void expectEnd(String sql, List<Token> tokens, int end) {
        if (tokens.size() > end) {
            throw Lexer.syntaxError(sql, tokens.get(end).start());
        }
    }

    private static void requireMonitoring(Session session) {
        if (!session.privileges().hasGlobal("SUPER") && !session.privileges().hasGlobal("REPLICATION CLIENT")) {
            throw MySqlError.ER_SPECIFIC_ACCESS_DENIED_ERROR.exception("SUPER, REPLICATION CLIENT");
        }
    }
}
