package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.lex.SqlText;

/**
 * One step of the engine's spelling in {@link EnginePipeline}: it reads the statement's tokens and notes what to
 * write before, instead of or after some of them. All steps read the same tokens; EngineSql then writes the
 * statement once.
 */
public interface TokenRewrite {
    void collect(SqlText statement, EngineEdits edits);
}
