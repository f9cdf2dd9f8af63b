package dev.doppel.server.sql.files;

import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/**
 * The format options that SELECT ... INTO OUTFILE and LOAD DATA share: {@code [CHARACTER SET cs] [{FIELDS | COLUMNS}
 * [TERMINATED BY 's'] [[OPTIONALLY] ENCLOSED BY 'c'] [ESCAPED BY 'c']] [LINES [STARTING BY 's'] [TERMINATED BY 's']]},
 * with MySQL's defaults: tab-separated fields, no enclosure, backslash escapes, newline-terminated lines.
 */
public final class ExportOptions {
    String fieldsTerminated = "\t";
    String enclosed = "";
    boolean optionally;
    String escaped = "\\";
    String linesStarting = "";
    String linesTerminated = "\n";

    /** Reads the options at {@code index}; returns the index after them. */
    int read(String sql, List<Token> tokens, int index) {
        if (index + 2 < tokens.size() && tokens.get(index).isWord("CHARACTER") && tokens.get(index + 1).isWord("SET")) {
            index += 3;
        }
        if (index < tokens.size() && (tokens.get(index).isWord("FIELDS") || tokens.get(index).isWord("COLUMNS"))) {
            index++;
            while (index < tokens.size()) {
                Token option = tokens.get(index);
                if (option.isWord("OPTIONALLY")) {
                    optionally = true;
                    index++;
                    continue;
                }
                if (option.isWord("TERMINATED")) {
                    fieldsTerminated = string(sql, tokens, index + 2);
                } else if (option.isWord("ENCLOSED")) {
                    enclosed = string(sql, tokens, index + 2);
                } else if (option.isWord("ESCAPED")) {
                    escaped = string(sql, tokens, index + 2);
                } else {
                    break;
                }
                index += 3;
            }
        }
        if (index < tokens.size() && tokens.get(index).isWord("LINES")) {
            index++;
            while (index < tokens.size()) {
                if (tokens.get(index).isWord("STARTING")) {
                    linesStarting = string(sql, tokens, index + 2);
                } else if (tokens.get(index).isWord("TERMINATED")) {
                    linesTerminated = string(sql, tokens, index + 2);
                } else {
                    break;
                }
                index += 3;
            }
        }
        return index;
    }

    /** The string of {@code TERMINATED BY 's'} and its kind at {@code index}; 1064 when it is not one. */
    static String string(String sql, List<Token> tokens, int index) {
        if (index >= tokens.size() || tokens.get(index).kind() != Token.Kind.STRING
                || !tokens.get(index - 1).isWord("BY")) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        return tokens.get(index).text();
    }
}
