package dev.doppel.server.config;

import java.nio.charset.Charset;

/**
 * A MySQL character set: its name, default collation, description and maximum bytes per character
 * (as in {@code SHOW CHARACTER SET}), and the Java charset that encodes it.
 */
public record MySqlCharset(String name, String defaultCollation, String description, int maxLength,
                           Charset javaCharset) {
}
