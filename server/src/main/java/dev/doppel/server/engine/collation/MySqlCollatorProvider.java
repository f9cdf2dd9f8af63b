package dev.doppel.server.engine.collation;

import java.text.Collator;
import java.text.spi.CollatorProvider;
import java.util.Locale;

/**
 * Gives the JDK's Collator.getInstance the server's collator for the locale {@link EngineCollation#LOCALE}, the name
 * the engine's {@code SET COLLATION} looks a collator up by. Found by the JDK through META-INF/services when the
 * property java.locale.providers names SPI.
 */
public final class MySqlCollatorProvider extends CollatorProvider {
    @Override
    public Collator getInstance(Locale locale) {
        return new MySqlCollator();
    }

    @Override
    public Locale[] getAvailableLocales() {
        return new Locale[] {EngineCollation.LOCALE};
    }
}
