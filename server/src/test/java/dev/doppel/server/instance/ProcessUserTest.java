package dev.doppel.server.instance;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessUserTest {
    private final ErrorLog log = ErrorLog.unconfigured();

    @Test
    void rootWithoutUserIsRefusedAsMysqldRefusesIt() {
        assertThatThrownBy(() -> ProcessUser.check(Optional.empty(), true, "root", log))
                .isInstanceOf(StartupException.class)
                .hasMessage("Fatal error: Please read \"Security\" section of the manual to find out how to run mysqld"
                        + " as root!")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((StartupException) e).code())
                        .isEqualTo(10123));
    }

    @Test
    void rootWithUserRootRuns() {
        assertThatCode(() -> ProcessUser.check(Optional.of("root"), true, "root", log)).doesNotThrowAnyException();
    }

    @Test
    void rootAskedToBecomeAnotherUserSaysHowToStartAsThatUser() {
        assertThatThrownBy(() -> ProcessUser.check(Optional.of("mysql"), true, "root", log))
                .isInstanceOf(StartupException.class).hasMessageContaining("runuser -u mysql");
    }

    @Test
    void anOrdinaryUserRunsWithOrWithoutUser() {
        assertThatCode(() -> ProcessUser.check(Optional.empty(), false, "doppel", log)).doesNotThrowAnyException();
        assertThatCode(() -> ProcessUser.check(Optional.of("mysql"), false, "doppel", log)).doesNotThrowAnyException();
    }
}
