package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.ddl.PrefixKeyParts;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.translate.functions.CharCalls;
import dev.doppel.server.sql.translate.functions.CollationCalls;
import dev.doppel.server.sql.translate.functions.DateNumbers;
import dev.doppel.server.sql.translate.functions.IntervalCalls;
import dev.doppel.server.sql.translate.operators.NullSafeEquals;
import dev.doppel.server.sql.translate.operators.LikeCollation;
import dev.doppel.server.sql.translate.operators.LiteralCollation;
import dev.doppel.server.sql.translate.operators.TextOperands;
import dev.doppel.server.sql.translate.statements.BitOperators;
import dev.doppel.server.sql.translate.statements.CastTypes;
import dev.doppel.server.sql.translate.statements.CollateClauses;
import dev.doppel.server.sql.translate.statements.CountDistinctLists;
import dev.doppel.server.sql.translate.statements.DmlModifiers;
import dev.doppel.server.sql.translate.statements.GroupRollup;
import dev.doppel.server.sql.translate.statements.HavingAliases;
import dev.doppel.server.sql.translate.statements.HavingSelectAliases;
import dev.doppel.server.sql.translate.statements.HexLiteralContexts;
import dev.doppel.server.sql.translate.statements.InsertRowAlias;
import dev.doppel.server.sql.translate.statements.MatchRelevanceOrder;
import dev.doppel.server.sql.translate.statements.OrderedLimit;
import dev.doppel.server.sql.translate.statements.SelectModifiers;
import dev.doppel.server.sql.translate.statements.SharedLocks;
import dev.doppel.server.sql.translate.statements.StringAliases;
import dev.doppel.server.sql.translate.statements.UpdateAssignments;

import java.util.List;
import java.util.Set;

/**
 * The translation of a MySQL statement into the engine's SQL, every step in the order it runs. The statement is
 * lexed once, before the first step; each step passes its tokens on (SqlText).
 *
 * <ol>
 *   <li>MySQL forms the engine rejects or reads otherwise, in queries and DML: each step rewrites the statement the
 *       one before left, into MySQL the engine reads as MySQL means it.</li>
 *   <li>The engine's spelling: each step notes its edits on the same tokens, then {@link EngineSql} writes the
 *       engine's text in one pass, with variables, session functions and strings in the engine's form.</li>
 * </ol>
 */
public final class EnginePipeline {
    /** The statements whose MySQL forms are rewritten; the others reach the spelling as they are. */
    private static final Set<String> QUERY_VERBS = Set.of("SELECT", "WITH", "INSERT", "REPLACE", "UPDATE", "DELETE");

    private static final List<StatementRewrite> MYSQL_FORMS = List.of(
            new DmlModifiers(),     // LOW_PRIORITY, HIGH_PRIORITY, QUICK
            new SelectModifiers(),  // SELECT HIGH_PRIORITY, STRAIGHT_JOIN, SQL_*_RESULT; t1 STRAIGHT_JOIN t2
            new CountDistinctLists(), // COUNT(DISTINCT a, b)
            new UpdateAssignments(), // single-table UPDATE's SET from left to right
            new OrderedLimit(),     // single-table UPDATE and DELETE ... [ORDER BY ...] LIMIT n
            new InsertRowAlias(),   // INSERT ... VALUES (...) AS new ON DUPLICATE KEY UPDATE c = new.c
            new CastTypes(),        // CAST(x AS SIGNED | UNSIGNED | CHAR [CHARACTER SET cs]), CONVERT(x USING cs)
            new SharedLocks(),      // FOR SHARE, LOCK IN SHARE MODE
            new CollateClauses(),   // expr COLLATE name
            new HexLiteralContexts(), // X'..', 0x.., B'..' in numeric context
            new BitOperators(),     // &, |, ^, ~, <<, >>
            new HavingAliases(),    // HAVING over select-list aliases, without GROUP BY
            new HavingSelectAliases(), // HAVING's names: a select-list alias before a column GROUP BY does not name
            new StringAliases(),    // select-list aliases written as strings
            new GroupRollup(),      // GROUP BY ... WITH ROLLUP
            new MatchRelevanceOrder()); // MATCH ... AGAINST in WHERE: the most relevant rows first

    static final List<TokenRewrite> ENGINE_SPELLING = List.of(
            new IntervalCalls(),                                                      // INTERVAL(n, n1, ...)
            new DateNumbers(),                                                        // TO_DAYS(950501)
            (s, e) -> PrefixKeyParts.collect(s.tokens(), e.replaced()),              // KEY (c(10))
            (s, e) -> DateArithmetic.collect(s.tokens(), e),                         // DATE_ADD, DATE_SUB, INTERVAL
            (s, e) -> Division.collect(s.tokens(), e), // /, DIV, MOD, %
            (s, e) -> JsonSql.collect(s.sql(), s.tokens(), e.replaced()),            // JSON functions, ->, ->>
            new LiteralCollation(),                                                   // 'a' = 'A'
            new LikeCollation(),                                                      // c LIKE '%x'
            new NullSafeEquals(),                                                     // a <=> b
            new CharCalls(),                                                          // CHAR(n, ... USING cs)
            new CollationCalls(),                                                     // CHARSET(x), COLLATION(x)
            new TextOperands(),                                                       // '3x' + 1
            WholeSeconds::times,                                                      // UTC_TIMESTAMP, SYSDATE
            new GroupConcatCalls(),                                                   // the server's GROUP_CONCAT
            new NullAggregateArguments(),                                             // SUM(NULL), AVG(-NULL)
            new ColumnCharsets(),                                                     // CREATE TABLE's column charsets
            WholeSeconds::now,                                                        // NOW(), CURRENT_TIMESTAMP
            (s, e) -> StrToDate.collect(s.tokens(), e.replaced(), e.before(), e.after()), // STR_TO_DATE by format
            (s, e) -> RecursionDepth.collect(s.sql(), s.tokens(), e.before(), e.replaced(), e.after())); // CTEs

    private EnginePipeline() {
    }

    /** {@link #mysqlForms(SqlText)}, with the parse warnings of the forms it rewrites away given to the session. */
    public static SqlText mysqlForms(SqlText statement, Session session) {
        // on the statement as the client wrote it: InsertRowAlias writes VALUES(col) for the row alias
        ParseWarnings.valuesFunction(statement.tokens(), session);
        return mysqlForms(statement);
    }

    /** The statement with MySQL's forms rewritten; {@code statement} itself when none applies. */
    public static SqlText mysqlForms(SqlText statement) {
        if (statement.tokens().isEmpty() || !QUERY_VERBS.contains(statement.token(0).upper())) {
            return statement;
        }
        SqlText result = statement;
        for (StatementRewrite step : MYSQL_FORMS) {
            result = step.apply(result);
        }
        return result;
    }

    /** The engine's text of a statement whose MySQL forms are rewritten already. */
    public static String spelling(SqlText statement, Session session) {
        return EngineSql.rewrite(statement.sql(), statement.tokens(), session);
    }

    /** The whole translation. */
    public static String engineSql(SqlText statement, Session session) {
        return spelling(mysqlForms(statement, session), session);
    }
}
