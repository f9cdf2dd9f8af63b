package dev.doppel.plugin;

import java.util.Locale;

/**
 * MySQL's client error table as data: number, SQLSTATE and message template, as in MySQL 8.4's
 * messages_to_clients.txt. Templates use Java's {@link String#format} conversions; MySQL's
 * length limits ({@code %-.192s}) are applied by {@link #message(Object...)} through {@link #argLimits}.
 */
public enum MySqlError {
    ER_CANT_CREATE_DB(1006, "HY000", "Can't create database '%s' (errno: %d - %s)", 192),
    ER_DB_CREATE_EXISTS(1007, "HY000", "Can't create database '%s'; database exists", 192),
    ER_DB_DROP_EXISTS(1008, "HY000", "Can't drop database '%s'; database doesn't exist", 192),
    ER_FILE_NOT_FOUND(29, "HY000", "File '%s' not found (OS errno %d - %s)", 200),
    ER_CANT_CREATE_FILE(1004, "HY000", "Can't create file '%s' (errno: %d - %s)", 200),
    ER_ERROR_ON_READ(1024, "HY000", "Error reading file '%s' (errno: %d - %s)", 200),
    ER_ERROR_ON_WRITE(1026, "HY000", "Error writing file '%s' (errno: %d - %s)", 200),
    ER_DISK_FULL(1021, "HY000", "Disk full (%s); waiting for someone to free some space... (errno: %d - %s)", 200),
    ER_RECORD_FILE_FULL(1114, "HY000", "The table '%s' is full", 192),
    ER_ILLEGAL_HA(1031, "HY000", "Table storage engine for '%s' doesn't have this option", 192),
    ER_CON_COUNT_ERROR(1040, "08004", "Too many connections"),
    ER_OUT_OF_RESOURCES(1041, "HY000", "Out of memory; check if mysqld or some other process uses all available memory;"
            + " if not, you may have to use 'ulimit' to allow mysqld to use more memory or you can add more swap space"),
    ER_BAD_HOST_ERROR(1042, "08S01", "Can't get hostname for your address"),
    ER_HANDSHAKE_ERROR(1043, "08S01", "Bad handshake"),
    ER_DBACCESS_DENIED_ERROR(1044, "42000", "Access denied for user '%s'@'%s' to database '%s'", 48, 64, 192),
    ER_ACCESS_DENIED_ERROR(1045, "28000", "Access denied for user '%s'@'%s' (using password: %s)", 48, 64),
    ER_NO_DB_ERROR(1046, "3D000", "No database selected"),
    ER_UNKNOWN_COM_ERROR(1047, "08S01", "Unknown command"),
    ER_BAD_NULL_ERROR(1048, "23000", "Column '%s' cannot be null", 192),
    ER_BAD_DB_ERROR(1049, "42000", "Unknown database '%s'", 192),
    ER_TABLE_EXISTS_ERROR(1050, "42S01", "Table '%s' already exists", 192),
    ER_BAD_TABLE_ERROR(1051, "42S02", "Unknown table '%s'", 192),
    ER_NON_UNIQ_ERROR(1052, "23000", "Column '%s' in %s is ambiguous", 192, 192),
    ER_SERVER_SHUTDOWN(1053, "08S01", "Server shutdown in progress"),
    ER_BAD_FIELD_ERROR(1054, "42S22", "Unknown column '%s' in '%s'", 192, 192),
    ER_WRONG_FIELD_WITH_GROUP(1055, "42000", "'%s' isn't in GROUP BY", 192),
    ER_FIELD_IN_ORDER_NOT_SELECT(3065, "HY000", "Expression #%d of ORDER BY clause is not in SELECT list, references"
            + " column '%s' which is not in SELECT list; this is incompatible with %s", 0, 192, 0),
    ER_WRONG_FIELD_WITH_GROUP_V2(1055, "42000", "Expression #%d of %s is not in GROUP BY clause and contains"
            + " nonaggregated column '%s' which is not functionally dependent on columns in GROUP BY clause; this is"
            + " incompatible with sql_mode=only_full_group_by", 0, 0, 192),
    ER_MIX_OF_GROUP_FUNC_AND_FIELDS_V2(1140, "42000", "In aggregated query without GROUP BY, expression #%d of %s"
            + " contains nonaggregated column '%s'; this is incompatible with sql_mode=only_full_group_by", 0, 0, 192),
    ER_DUP_FIELDNAME(1060, "42S21", "Duplicate column name '%s'", 192),
    ER_DUP_ENTRY(1062, "23000", "Duplicate entry '%s' for key '%s'", 192, 192),
    ER_PARSE_ERROR(1064, "42000", "%s near '%s' at line %d", 0, 80),
    ER_EMPTY_QUERY(1065, "42000", "Query was empty"),
    ER_FILE_EXISTS_ERROR(1086, "HY000", "File '%s' already exists", 200),
    ER_NO_SUCH_THREAD(1094, "HY000", "Unknown thread id: %d"),
    ER_CANT_DROP_FIELD_OR_KEY(1091, "42000", "Can't DROP '%s'; check that column/key exists", 192),
    ER_KILL_DENIED_ERROR(1095, "HY000", "You are not owner of thread %d"),
    ER_CANT_INITIALIZE_UDF(1123, "HY000", "Can't initialize function '%s'; %s", 192, 80),
    ER_UDF_NO_PATHS(1124, "HY000", "No paths allowed for shared library"),
    ER_UDF_EXISTS(1125, "HY000", "Function '%s' already exists", 192),
    ER_CANT_OPEN_LIBRARY(1126, "HY000", "Can't open shared library '%s' (errno: %d %s)", 192, 0, 128),
    ER_CANT_FIND_DL_ENTRY(1127, "HY000", "Can't find symbol '%s' in library", 128),
    ER_PASSWORD_NO_MATCH(1133, "42000", "Can't find any matching row in the user table"),
    ER_UNKNOWN_TABLE(1109, "42S02", "Unknown table '%s' in %s", 192, 32),
    ER_TABLEACCESS_DENIED_ERROR(1142, "42000", "%s command denied to user '%s'@'%s' for table '%s'", 128, 48, 64, 64),
    ER_WRONG_PERFSCHEMA_USAGE(1683, "HY000", "Invalid performance_schema usage."),
    ER_NONEXISTING_GRANT(1141, "42000", "There is no such grant defined for user '%s' on host '%s'", 48, 255),
    ER_ILLEGAL_GRANT_FOR_TABLE(1144, "42000",
            "Illegal GRANT/REVOKE command; please consult the manual to see which privileges can be used"),
    ER_NONEXISTING_TABLE_GRANT(1147, "42000",
            "There is no such grant defined for user '%s' on host '%s' on table '%s'", 48, 255, 192),
    ER_NO_SUCH_TABLE(1146, "42S02", "Table '%s.%s' doesn't exist", 192, 192),
    ER_NOT_ALLOWED_COMMAND(1148, "42000", "The used command is not allowed with this MySQL version"),
    ER_SYNTAX_ERROR(1149, "42000",
            "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use"),
    ER_NET_PACKET_TOO_LARGE(1153, "08S01", "Got a packet bigger than 'max_allowed_packet' bytes"),
    ER_NET_READ_ERROR_FROM_PIPE(1154, "08S01", "Got a read error from the connection pipe"),
    ER_NET_FCNTL_ERROR(1155, "08S01", "Got an error from fcntl()"),
    ER_NET_PACKETS_OUT_OF_ORDER(1156, "08S01", "Got packets out of order"),
    ER_NET_UNCOMPRESS_ERROR(1157, "08S01", "Couldn't uncompress communication packet"),
    ER_NET_READ_ERROR(1158, "08S01", "Got an error reading communication packets"),
    ER_NET_READ_INTERRUPTED(1159, "08S01", "Got timeout reading communication packets"),
    ER_NET_ERROR_ON_WRITE(1160, "08S01", "Got an error writing communication packets"),
    ER_NET_WRITE_INTERRUPTED(1161, "08S01", "Got timeout writing communication packets"),
    ER_DUP_KEYNAME(1061, "42000", "Duplicate key name '%s'", 192),
    ER_KEY_DOES_NOT_EXITS(1176, "42000", "Key '%s' doesn't exist in table '%s'", 192, 192),
    ER_UNKNOWN_SYSTEM_VARIABLE(1193, "HY000", "Unknown system variable '%s'", 64),
    ER_TOO_MANY_USER_CONNECTIONS(1203, "42000", "User %s already has more than 'max_user_connections' active connections", 192),
    ER_LOCK_WAIT_TIMEOUT(1205, "HY000", "Lock wait timeout exceeded; try restarting transaction"),
    ER_USER_LIMIT_REACHED(1226, "42000", "User '%s' has exceeded the '%s' resource (current value: %s)", 192, 64, 21),
    ER_CANT_UPDATE_WITH_READLOCK(1223, "HY000", "Can't execute the query because you have a conflicting read lock"),
    ER_LOCK_DEADLOCK(1213, "40001", "Deadlock found when trying to get lock; try restarting transaction"),
    ER_ROW_IS_REFERENCED_2(1451, "23000", "Cannot delete or update a parent row: a foreign key constraint fails (%s)", 192),
    ER_NO_REFERENCED_ROW_2(1452, "23000", "Cannot add or update a child row: a foreign key constraint fails (%s)", 192),
    ER_DROP_INDEX_FK(1553, "HY000", "Cannot drop index '%s': needed in a foreign key constraint", 192),
    ER_VIEW_INVALID(1356, "HY000", "View '%s.%s' references invalid table(s) or column(s) or function(s) or"
            + " definer/invoker of view lack rights to use them", 192, 192),
    ER_NO_SUCH_USER(1449, "HY000", "The user specified as a definer ('%s'@'%s') does not exist", 64, 255),
    ER_SPECIFIC_ACCESS_DENIED_ERROR(1227, "42000",
            "Access denied; you need (at least one of) the %s privilege(s) for this operation", 128),
    ER_WRONG_ARGUMENTS(1210, "HY000", "Incorrect arguments to %s"),
    ER_NO_BINARY_LOGGING(1381, "HY000", "You are not using binary logging"),
    ER_USER_LOCK_WRONG_NAME(3057, "42000", "Incorrect user-level lock name '%s'.", 192),
    ER_WRONG_USAGE(1221, "HY000", "Incorrect usage of %s and %s"),
    ER_LOCAL_VARIABLE(1228, "HY000", "Variable '%s' is a SESSION variable and can't be used with SET GLOBAL", 64),
    ER_GLOBAL_VARIABLE(1229, "HY000", "Variable '%s' is a GLOBAL variable and should be set with SET GLOBAL", 64),
    ER_NO_DEFAULT(1230, "42000", "Variable '%s' doesn't have a default value", 64),
    ER_WRONG_VALUE_FOR_VAR(1231, "42000", "Variable '%s' can't be set to the value of '%s'", 64, 200),
    ER_WRONG_TYPE_FOR_VAR(1232, "42000", "Incorrect argument type to variable '%s'", 64),
    ER_VAR_CANT_BE_READ(1233, "HY000", "Variable '%s' can only be set, not read", 64),
    ER_NOT_SUPPORTED_YET(1235, "42000", "This version of MySQL doesn't yet support '%s'"),
    ER_INCORRECT_GLOBAL_LOCAL_VAR(1238, "HY000", "Variable '%s' is a %s variable", 64),
    ER_UNKNOWN_CHARACTER_SET(1115, "42000", "Unknown character set: '%s'", 64),
    ER_UNKNOWN_COLLATION(1273, "HY000", "Unknown collation: '%s'", 64),
    ER_TRUNCATED_WRONG_VALUE(1292, "22007", "Truncated incorrect %s value: '%s'", 32, 128),
    ER_WARN_DATA_OUT_OF_RANGE(1264, "22003", "Out of range value for column '%s' at row %d", 192),
    ER_DATA_OUT_OF_RANGE(1690, "22003", "%s value is out of range in '%s'", 64, 256),
    WARN_DATA_TRUNCATED(1265, "01000", "Data truncated for column '%s' at row %d", 192),
    ER_DIVISION_BY_ZERO(1365, "22012", "Division by 0"),
    ER_TRUNCATED_WRONG_VALUE_FOR_FIELD(1366, "HY000", "Incorrect %s value: '%s' for column '%s' at row %d", 32, 128, 192),
    ER_DATA_TOO_LONG(1406, "22001", "Data too long for column '%s' at row %d", 192),
    ER_REVOKE_GRANTS(1269, "HY000", "Can't revoke all privileges for one or more of the requested users"),
    ER_OPTION_PREVENTS_STATEMENT(1290, "HY000",
            "The MySQL server is running with the %s option so it cannot execute this statement"),
    ER_CUT_VALUE_GROUP_CONCAT(1260, "HY000", "Row %d was cut by GROUP_CONCAT()"),
    ER_REGEXP_INDEX_OUTOFBOUNDS_ERROR(3686, "HY000", "Index out of bounds in regular expression search."),
    ER_REGEXP_RULE_SYNTAX(3688, "HY000", "Syntax error in regular expression on line %d, character %d."),
    ER_REGEXP_MISMATCHED_PAREN(3691, "HY000", "Mismatched parenthesis in regular expression."),
    ER_WARN_ALLOWED_PACKET_OVERFLOWED(1301, "HY000",
            "Result of %s() was larger than max_allowed_packet (%d) - truncated"),
    ER_SP_DOES_NOT_EXIST(1305, "42000", "%s %s does not exist"),
    ER_SP_NO_RECURSIVE_CREATE(1303, "2F003", "Can't create a %s from within another stored routine"),
    ER_SP_ALREADY_EXISTS(1304, "42000", "%s %s already exists"),
    ER_SP_LILABEL_MISMATCH(1308, "42000", "%s with no matching label: %s"),
    ER_SP_LABEL_REDEFINE(1309, "42000", "Redefining label %s"),
    ER_SP_LABEL_MISMATCH(1310, "42000", "End-label %s without match"),
    ER_SP_BADRETURN(1313, "42000", "RETURN is only allowed in a FUNCTION"),
    ER_SP_BADSTATEMENT(1314, "0A000", "%s is not allowed in stored procedures"),
    ER_SP_WRONG_NO_OF_ARGS(1318, "42000", "Incorrect number of arguments for %s %s; expected %d, got %d"),
    ER_SP_COND_MISMATCH(1319, "42000", "Undefined CONDITION: %s"),
    ER_SP_NORETURN(1320, "42000", "No RETURN found in FUNCTION %s"),
    ER_SP_NORETURNEND(1321, "2F005", "FUNCTION %s ended without RETURN"),
    ER_SP_BAD_CURSOR_QUERY(1322, "42000", "Cursor statement must be a SELECT"),
    ER_SP_BAD_CURSOR_SELECT(1323, "42000", "Cursor SELECT must not have INTO"),
    ER_SP_CURSOR_MISMATCH(1324, "42000", "Undefined CURSOR: %s"),
    ER_SP_CURSOR_ALREADY_OPEN(1325, "24000", "Cursor is already open"),
    ER_SP_CURSOR_NOT_OPEN(1326, "24000", "Cursor is not open"),
    ER_SP_UNDECLARED_VAR(1327, "42000", "Undeclared variable: %s"),
    ER_SP_WRONG_NO_OF_FETCH_ARGS(1328, "HY000", "Incorrect number of FETCH variables"),
    ER_SP_FETCH_NO_DATA(1329, "02000", "No data - zero rows fetched, selected, or processed"),
    ER_SP_DUP_PARAM(1330, "42000", "Duplicate parameter: %s"),
    ER_SP_DUP_VAR(1331, "42000", "Duplicate variable: %s"),
    ER_SP_DUP_COND(1332, "42000", "Duplicate condition: %s"),
    ER_SP_DUP_CURS(1333, "42000", "Duplicate cursor: %s"),
    ER_SP_VARCOND_AFTER_CURSHNDLR(1337, "42000", "Variable or condition declaration after cursor or handler declaration"),
    ER_SP_CURSOR_AFTER_HANDLER(1338, "42000", "Cursor declaration after handler declaration"),
    ER_SP_CASE_NOT_FOUND(1339, "20000", "Case not found for CASE statement"),
    ER_PROCACCESS_DENIED_ERROR(1370, "42000", "%s command denied to user '%s'@'%s' for routine '%s'", 0, 48, 64, 192),
    ER_SP_BAD_SQLSTATE(1407, "42000", "Bad SQLSTATE: '%s'"),
    ER_SP_DUP_HANDLER(1413, "42000", "Duplicate handler declared in the same block"),
    ER_SP_NOT_VAR_ARG(1414, "42000",
            "OUT or INOUT argument %d for routine %s is not a variable or NEW pseudo-variable in BEFORE trigger"),
    ER_SP_NO_RETSET(1415, "0A000", "Not allowed to return a result set from a %s"),
    ER_BINLOG_UNSAFE_ROUTINE(1418, "HY000", "This function has none of DETERMINISTIC, NO SQL, or READS SQL DATA in its"
            + " declaration and binary logging is enabled (you *might* want to use the less safe"
            + " log_bin_trust_function_creators variable)"),
    ER_COMMIT_NOT_ALLOWED_IN_SF_OR_TRG(1422, "HY000",
            "Explicit or implicit commit is not allowed in stored function or trigger."),
    ER_SP_NO_RECURSION(1424, "HY000", "Recursive stored functions and triggers are not allowed."),
    ER_SP_RECURSION_LIMIT(1456, "HY000",
            "Recursive limit %d (as set by the max_sp_recursion_depth variable) was exceeded for routine %s", 0, 192),
    ER_SIGNAL_WARN(1642, "01000", "Unhandled user-defined warning condition"),
    ER_SIGNAL_NOT_FOUND(1643, "02000", "Unhandled user-defined not found condition"),
    ER_SIGNAL_EXCEPTION(1644, "HY000", "Unhandled user-defined exception condition"),
    ER_RESIGNAL_WITHOUT_ACTIVE_HANDLER(1645, "0K000", "RESIGNAL when handler not active"),
    ER_SP_WRONG_NAME(1458, "42000", "Incorrect routine name '%s'"),
    ER_DUP_SIGNAL_SET(1641, "42000", "Duplicate condition information item '%s'"),
    ER_SIGNAL_BAD_CONDITION_TYPE(1646, "HY000", "SIGNAL/RESIGNAL can only use a CONDITION defined with SQLSTATE"),
    ER_COND_ITEM_TOO_LONG(1648, "HY000", "Data too long for condition item '%s'"),
    ER_WRONG_VALUE_COUNT_ON_ROW(1136, "21S01", "Column count doesn't match value count at row %d"),
    ER_SUBQUERY_NO_1_ROW(1242, "21000", "Subquery returns more than 1 row"),
    ER_INVALID_GROUP_FUNC_USE(1111, "HY000", "Invalid use of group function"),
    ER_WRONG_VALUE_FOR_TYPE(1411, "HY000", "Incorrect %s value: '%s' for function %s", 0, 64, 0),
    ER_MULTIPLE_PRI_KEY(1068, "42000", "Multiple primary key defined"),
    ER_WRONG_AUTO_KEY(1075, "42000", "Incorrect table definition; there can be only one auto column and it must be"
            + " defined as a key"),
    ER_NO_DEFAULT_FOR_FIELD(1364, "HY000", "Field '%s' doesn't have a default value", 192),
    ER_KEY_COLUMN_DOES_NOT_EXITS(1072, "42000", "Key column '%s' doesn't exist in table", 192),
    ER_NONUNIQ_TABLE(1066, "42000", "Not unique table/alias: '%s'", 192),
    ER_AES_INVALID_IV(1882, "HY000", "The initialization vector supplied to %s is too short. Must be at least %d bytes"
            + " long"),
    ER_BAD_FT_COLUMN(1283, "HY000", "Column '%s' cannot be part of FULLTEXT index", 192),
    ER_FT_MATCHING_KEY_NOT_FOUND(1191, "HY000", "Can't find FULLTEXT index matching the column list"),
    ER_TABLE_CANT_HANDLE_FT(1214, "HY000", "The used table type doesn't support FULLTEXT indexes"),
    ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT(1222, "21000", "The used SELECT statements have a different number of columns"),
    ER_DA_INVALID_CONDITION_NUMBER(1758, "35000", "Invalid condition number"),
    ER_GET_STACKED_DA_WITHOUT_ACTIVE_HANDLER(1887, "0Z002", "GET STACKED DIAGNOSTICS when handler not active"),
    ER_TRG_ALREADY_EXISTS(1359, "HY000", "Trigger already exists"),
    ER_TRG_DOES_NOT_EXIST(1360, "HY000", "Trigger does not exist"),
    ER_TRG_CANT_CHANGE_ROW(1362, "HY000", "Updating of %s row is not allowed in %strigger"),
    ER_TRG_NO_SUCH_ROW_IN_TRG(1363, "HY000", "There is no %s row in %s trigger"),
    ER_TRG_IN_WRONG_SCHEMA(1435, "HY000", "Trigger in wrong schema"),
    ER_CANT_UPDATE_USED_TABLE_IN_SF_OR_TRG(1442, "HY000", "Can't update table '%s' in stored function/trigger because"
            + " it is already used by statement which invoked this stored function/trigger."),
    ER_REFERENCED_TRG_DOES_NOT_EXIST(3011, "HY000",
            "Referenced trigger '%s' for the given action time and event type does not exist."),
    ER_NONEXISTING_PROC_GRANT(1403, "42000",
            "There is no such grant defined for user '%s' on host '%s' on routine '%s'", 48, 255, 192),
    ER_EVENT_ENDS_BEFORE_STARTS(1521, "HY000", "ENDS is either invalid or before STARTS"),
    ER_EVENT_ALREADY_EXISTS(1537, "HY000", "Event '%s' already exists", 192),
    ER_EVENT_DOES_NOT_EXIST(1539, "HY000", "Unknown event '%s'", 192),
    ER_EVENT_INTERVAL_NOT_POSITIVE_OR_TOO_BIG(1542, "HY000", "INTERVAL is either not positive or too big"),
    ER_EVENT_EXEC_TIME_IN_THE_PAST(1544, "HY000", "Event execution time is in the past. Event has been disabled"),
    ER_EVENT_CANNOT_CREATE_IN_THE_PAST(1588, "HY000", "Event execution time is in the past and ON COMPLETION NOT"
            + " PRESERVE is set. The event was dropped immediately after creation."),
    ER_EVENT_SAME_NAME(1576, "HY000", "Same old and new event name"),
    ER_STMT_NOT_ALLOWED_IN_SF_OR_TRG(1336, "0A000", "%s is not allowed in stored function or trigger"),
    ER_SP_CANT_SET_AUTOCOMMIT(1445, "HY000", "Not allowed to set autocommit from a stored function or trigger"),
    ER_NO_SYSTEM_TABLE_ACCESS(3554, "HY000", "Access to %s '%s.%s' is rejected."),
    ER_NO_SYSTEM_SCHEMA_ACCESS(3552, "HY000", "Access to system schema '%s' is rejected.", 192),
    ER_SCHEMA_READ_ONLY(3989, "HY000", "Schema '%s' is in read only mode.", 192),
    ER_UNSUPPORTED_PS(1295, "HY000", "This command is not supported in the prepared statement protocol yet"),
    ER_UNKNOWN_STMT_HANDLER(1243, "HY000", "Unknown prepared statement handler (%s) given to %s", 10, 0),
    ER_QUERY_INTERRUPTED(1317, "70100", "Query execution was interrupted"),
    ER_STACK_OVERRUN_NEED_MORE(1436, "HY000", "Thread stack overrun:  %d bytes used of a %d byte stack, and %d bytes"
            + " needed. Use 'mysqld --thread_stack=#' to specify a bigger stack."),
    ER_WARN_TOO_FEW_RECORDS(1261, "01000", "Row %d doesn't contain data for all columns"),
    ER_WARN_TOO_MANY_RECORDS(1262, "01000", "Row %d was truncated; it contained more data than there were input columns"),
    ER_TOO_MANY_ROWS(1172, "42000", "Result consisted of more than one row"),
    ER_CANT_CREATE_USER_WITH_GRANT(1410, "42000", "You are not allowed to create a user with GRANT"),
    ER_CANNOT_USER(1396, "HY000", "Operation %s failed for %s", 0, 0),
    ER_PLUGIN_IS_NOT_LOADED(1524, "HY000", "Plugin '%s' is not loaded", 192),
    ER_WRONG_VALUE(1525, "HY000", "Incorrect %s value: '%s'", 32, 128),
    ER_PLUGIN_DELETE_BUILTIN(1619, "HY000", "Built-in plugins cannot be deleted"),
    WARN_PLUGIN_BUSY(1620, "HY000", "Plugin is busy and will be uninstalled on shutdown"),
    ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT(1582, "42000", "Incorrect parameter count in the call to native function '%s'",
            64),
    ER_PATH_LENGTH(1680, "HY000", "The path specified for %s is too long.", 64),
    ER_PLUGIN_IS_PERMANENT(1702, "HY000", "Plugin '%s' is force_plus_permanent and can not be unloaded"),
    ER_PLUGIN_NO_UNINSTALL(1720, "HY000",
            "Plugin '%s' is marked as not dynamically uninstallable. You have to stop the server to uninstall it."),
    ER_PLUGIN_NO_INSTALL(1721, "HY000",
            "Plugin '%s' is marked as not dynamically installable. You have to stop the server to install it."),
    ER_FK_COLUMN_CANNOT_DROP(1828, "HY000", "Cannot drop column '%s': needed in a foreign key constraint '%s'", 192, 192),
    ER_MALFORMED_PACKET(1835, "HY000", "Malformed communication packet."),
    ER_MUST_CHANGE_PASSWORD_LOGIN(1862, "HY000", "Your password has expired. To log in you must change it using a client that supports expired passwords."),
    ER_INTERNAL_ERROR(1815, "HY000", "Internal error: %s"),
    ER_UNKNOWN_EXPLAIN_FORMAT(1791, "HY000", "Unknown EXPLAIN format name: '%s'"),
    ER_MUST_CHANGE_PASSWORD(1820, "HY000",
            "You must reset your password using ALTER USER statement before executing this statement."),
    ER_PLUGIN_CANNOT_BE_UNINSTALLED(1883, "HY000", "Plugin '%s' cannot be uninstalled now. %s"),
    ER_CONNECTION_KILLED(1927, "70100", "Connection was killed"),
    ER_ACCOUNT_HAS_BEEN_LOCKED(3118, "HY000", "Access denied for user '%s'@'%s'. Account is locked.", 48, 64),
    ER_INVALID_JSON_TEXT(3140, "22032", "Invalid JSON text: \"%s\" at position %d in value for column '%s'.", 0, 0,
            200),
    ER_INVALID_JSON_TEXT_IN_PARAM(3141, "22032",
            "Invalid JSON text in argument %d to function %s: \"%s\" at position %d."),
    ER_INVALID_JSON_PATH(3143, "42000", "Invalid JSON path expression. The error is around character position %d."),
    ER_INVALID_TYPE_FOR_JSON(3146, "22032",
            "Invalid data type for JSON data in argument %d to function %s; a JSON string or JSON type is required."),
    ER_INVALID_JSON_PATH_WILDCARD(3149, "42000",
            "In this situation, path expressions may not contain the * and ** tokens or an array range."),
    ER_JSON_VACUOUS_PATH(3153, "42000", "The path expression '$' is not allowed in this context."),
    ER_JSON_BAD_ONE_OR_ALL_ARG(3154, "42000", "The oneOrAll argument to %s may take these values: 'one' or 'all'."),
    ER_JSON_DOCUMENT_NULL_KEY(3158, "22032", "JSON documents may not contain NULL member names."),
    ER_SECURE_TRANSPORT_REQUIRED(3159, "HY000",
            "Connections using insecure transport are prohibited while --require_secure_transport=ON."),
    ER_PATH_IN_DATADIR(3632, "HY000", "Path is within the current data directory '%s'", 192),
    ER_CLONE_DDL_IN_PROGRESS(3633, "HY000", "Concurrent DDL is performed during clone operation. Please try again."),
    ER_CLONE_TOO_MANY_CONCURRENT_CLONES(3634, "HY000", "Too many concurrent clone operations. Maximum allowed - %d."),
    ER_QUERY_TIMEOUT(3024, "HY000", "Query execution was interrupted, maximum statement execution time exceeded"),
    ER_CLIENT_LOCAL_FILES_DISABLED(3948, "42000",
            "Loading local data is disabled; this must be enabled on both the client and server sides"),
    ER_CTE_MAX_RECURSION_DEPTH(3636, "HY000", "Recursive query aborted after %d iterations. Try increasing"
            + " @@cte_max_recursion_depth to a larger value."),
    ER_ILLEGAL_PRIVILEGE_LEVEL(3619, "HY000", "Illegal privilege level specified for %s"),
    ER_CLONE_IN_PROGRESS(3874, "HY000", "Concurrent clone in progress. Please try after clone is complete."),
    ER_CLIENT_INTERACTION_TIMEOUT(4031, "HY000", "The client was disconnected by the server because of inactivity."
            + " See wait_timeout and interactive_timeout for configuring this behavior."),
    ER_DA_PLUGIN_INSTALL_ERROR(3883, "HY000", "Error installing plugin '%s': %s"),
    ER_COLLATION_CHARSET_MISMATCH(1253, "42000", "COLLATION '%s' is not valid for CHARACTER SET '%s'", 64, 64),
    ER_WARN_USING_OTHER_HANDLER(1266, "HY000", "Using storage engine %s for table '%s'", 0, 64),
    ER_UNKNOWN_STORAGE_ENGINE(1286, "42000", "Unknown storage engine '%s'", 64),
    ER_FK_CANNOT_DROP_PARENT(3730, "HY000", "Cannot drop table '%s' referenced by a foreign key constraint '%s' on table '%s'.", 64, 64, 64),
    ER_WARN_LEGACY_SYNTAX_CONVERTED(3005, "HY000", "%s is no longer supported. The statement was converted to %s."),
    ER_WARN_DEPRECATED_SYNTAX_NO_REPLACEMENT(1681, "HY000", "'%s' is deprecated and will be removed in a future release."),
    ER_WARN_DEPRECATED_SYNTAX(1287, "HY000",
            "'%s' is deprecated and will be removed in a future release. Please use %s instead"),
    ER_UNKNOWN_TIME_ZONE(1298, "HY000", "Unknown or incorrect time zone: '%s'", 64),
    ER_VARIABLE_IS_READONLY(1621, "HY000", "%s variable '%s' is read-only. Use SET %s to assign the value", 0, 64),
    ER_DEPRECATED_UTF8_ALIAS(3719, "HY000",
            "'utf8' is currently an alias for the character set UTF8MB3, but will be an alias for UTF8MB4 in a future release. Please consider using UTF8MB4 in order to be unambiguous."),
    ER_INVALID_DEFAULT_UTF8MB4_COLLATION(3721, "HY000",
            "Invalid default collation %s: utf8mb4_0900_ai_ci or utf8mb4_general_ci expected", 64),
    ER_UNSUPPORTED_SQL_MODE(3899, "HY000", "sql_mode=0x%08x is not supported.");

    private final int number;
    private final String sqlState;
    private final String template;
    private final int[] argLimits;

    MySqlError(int number, String sqlState, String template, int... argLimits) {
        this.number = number;
        this.sqlState = sqlState;
        this.template = template;
        this.argLimits = argLimits;
    }

    public int number() {
        return number;
    }

    /** The SQLSTATE of the error with MySQL's number {@code number}; HY000 for one this list does not have. */
    public static String sqlStateOf(int number) {
        for (MySqlError each : values()) {
            if (each.number == number) {
                return each.sqlState;
            }
        }
        return "HY000";
    }

    public String sqlState() {
        return sqlState;
    }

    public String template() {
        return template;
    }

    /** The message text with its arguments filled in, each string cut to MySQL's length limit. */
    public String message(Object... args) {
        Object[] limited = args.clone();
        for (int i = 0; i < limited.length && i < argLimits.length; i++) {
            if (argLimits[i] > 0 && limited[i] instanceof String s && s.length() > argLimits[i]) {
                limited[i] = s.substring(0, argLimits[i]);
            }
        }
        return String.format(Locale.ROOT, template, limited);
    }

    /** An exception carrying this error with its arguments filled in. */
    public MySqlException exception(Object... args) {
        return new MySqlException(this, message(args));
    }

    /** The error with this number, or null. */
    public static MySqlError byNumber(int number) {
        for (MySqlError each : values()) {
            if (each.number == number) {
                return each;
            }
        }
        return null;
    }
}
