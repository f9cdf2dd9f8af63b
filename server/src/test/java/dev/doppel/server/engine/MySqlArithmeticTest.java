package dev.doppel.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MySqlArithmeticTest {
    @Test
    void textIsReadAsItsNumericPrefixWithAWarningForTheRest() {
        List<String> truncated = new ArrayList<>();
        StatementEffects.Listener previous = StatementEffects.begin(recording(truncated));
        try {
            assertThat(MySqlArithmetic.textNumber("5")).isEqualTo(5.0);
            assertThat(MySqlArithmetic.textNumber(" -7.5e1 ")).isEqualTo(-75.0);
            assertThat(MySqlArithmetic.textNumber(".5")).isEqualTo(0.5);
            assertThat(MySqlArithmetic.textNumber("12abc")).isEqualTo(12.0);
            assertThat(MySqlArithmetic.textNumber("1e")).isEqualTo(1.0);
            assertThat(MySqlArithmetic.textNumber("abc")).isEqualTo(0.0);
            assertThat(MySqlArithmetic.textNumber("")).isEqualTo(0.0);
            assertThat(MySqlArithmetic.textNumber(null)).isNull();
        } finally {
            StatementEffects.end(previous);
        }
        assertThat(truncated).containsExactly("12abc", "1e", "abc", "");
    }

    private static StatementEffects.Listener recording(List<String> truncated) {
        return (StatementEffects.Listener) java.lang.reflect.Proxy.newProxyInstance(
                MySqlArithmeticTest.class.getClassLoader(), new Class<?>[] {StatementEffects.Listener.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("truncatedNumber")) {
                        // (type, text): the text read as a number
                        truncated.add((String) arguments[1]);
                    }
                    return null;
                });
    }
}
