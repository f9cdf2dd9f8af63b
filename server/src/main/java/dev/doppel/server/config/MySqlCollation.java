package dev.doppel.server.config;

/** A MySQL collation with its id, the number sent in handshakes and column definitions. */
public record MySqlCollation(int id, String name, String charsetName, boolean isDefault) {
}
