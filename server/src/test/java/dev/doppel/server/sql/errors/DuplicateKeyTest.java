package dev.doppel.server.sql.errors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateKeyTest {
    @Test
    void aPrimaryKeyOfSeveralColumnsIsPrimary() {
        // the engine names such a key's index, not the key, and gives the key's values only
        assertThat(DuplicateKey.of("Unique index or primary key violation: \"public.CONSTRAINT_7 INDEX"
                + " public.PRIMARY_KEY_7 ON public.v(a, b) VALUES ( /* key:1 */ 1, 2)\"; SQL statement:", null).getMessage())
                .isEqualTo("Duplicate entry '1-2' for key 'v.PRIMARY'");
        // while ALTER TABLE adds the key again on fewer columns
        assertThat(DuplicateKey.of("Unique index or primary key violation: \"public.PRIMARY_KEY_7 ON public.u(a)"
                + " VALUES ( /* 1 */ 1 )\"", null).getMessage()).isEqualTo("Duplicate entry '1' for key 'u.PRIMARY'");
    }

    @Test
    void aNamedUniqueKeyKeepsItsName() {
        assertThat(DuplicateKey.of("Unique index or primary key violation: \"public.uk_code INDEX public.uk_code_INDEX_1"
                + " ON public.copy(code) VALUES ( /* 1 */ 'a' )\"", null).getMessage())
                .isEqualTo("Duplicate entry 'a' for key 'copy.uk_code'");
    }
}
