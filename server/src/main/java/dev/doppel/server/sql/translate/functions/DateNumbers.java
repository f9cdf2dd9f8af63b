package dev.doppel.server.sql.translate.functions;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.translate.EngineEdits;
import dev.doppel.server.sql.translate.TokenRewrite;

import java.util.List;
import java.util.Set;

/**
 * MySQL's date functions read a number as a date ({@code TO_DAYS(950501)}, {@code YEAR(20240301)}); the engine
 * refused to convert an integer to a date. An integer literal that is the date argument becomes
 * {@code PUBLIC.MYSQL_NUMBER_DATETIME(n)}, MySQL's reading of it (engine.time.MySqlDateCasts).
 */
public final class DateNumbers implements TokenRewrite {
    /** Functions whose first argument is a date or a date and time. */
    private static final Set<String> DATE_FUNCTIONS = Set.of("TO_DAYS", "TO_SECONDS", "YEAR", "MONTH", "DAY",
            "DAYOFMONTH", "DAYOFWEEK", "DAYOFYEAR", "WEEKDAY", "WEEK", "WEEKOFYEAR", "YEARWEEK", "QUARTER", "LAST_DAY",
            "DAYNAME", "MONTHNAME", "DATE_FORMAT", "DATE", "HOUR", "MINUTE", "SECOND", "UNIX_TIMESTAMP");

    @Override
    public void collect(SqlText statement, EngineEdits edits) {
        List<Token> tokens = statement.tokens();
        for (int i = 0; i + 3 < tokens.size(); i++) {
            Token name = tokens.get(i);
            Token number = tokens.get(i + 2);
            if (name.kind() != Token.Kind.WORD || !DATE_FUNCTIONS.contains(name.upper())
                    || !tokens.get(i + 1).isSymbol("(") || i > 0 && tokens.get(i - 1).isSymbol(".")
                    || number.kind() != Token.Kind.NUMBER || !Token.isDigits(number.text())
                    || !(tokens.get(i + 3).isSymbol(")") || tokens.get(i + 3).isSymbol(","))
                    || edits.replaced().containsKey(i + 2) || number.text().length() > 18) {
                continue;
            }
            edits.replaced().put(i + 2, "PUBLIC.MYSQL_NUMBER_DATETIME(" + number.text() + ")");
        }
    }
}
