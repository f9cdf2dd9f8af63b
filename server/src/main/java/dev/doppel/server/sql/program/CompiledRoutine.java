package dev.doppel.server.sql.program;

import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.program.parse.DeclaredType;
import dev.doppel.server.sql.program.parse.ProgramParser;
import dev.doppel.server.sql.program.parse.ProgramStatement;
import dev.doppel.server.sql.program.parse.TypeReader;

import java.util.List;

/** A stored routine parsed for running: its parameters, its return type and its body's statements. */
public record CompiledRoutine(Routine routine, List<RoutineHeader.Parameter> parameters, DeclaredType returns,
                       ProgramStatement body) {

    public static CompiledRoutine of(Routine routine) {
        List<RoutineHeader.Parameter> parameters = RoutineHeader.parameters(routine.parameters(), routine.function());
        DeclaredType returns = null;
        if (routine.returns() != null) {
            List<Token> tokens = Lexer.tokenize(routine.returns());
            returns = TypeReader.read(routine.returns(), tokens, 0, tokens.size());
        }
        List<Token> body = Lexer.tokenize(routine.body());
        return new CompiledRoutine(routine, parameters, returns,
                ProgramParser.body(routine.body(), body, 0, body.size()));
    }
}
