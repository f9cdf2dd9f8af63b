package dev.doppel.server.engine.collation;

import java.nio.ByteBuffer;
import java.text.CollationKey;
import java.text.Collator;

/**
 * The engine's collation ({@link EngineCollation}): at the strength the database is set to (tertiary) it orders text
 * by code point, as utf8mb4_bin does, for the engine's VARCHAR and CHAR; at the secondary strength, which the engine
 * takes for VARCHAR_IGNORECASE, it compares as utf8mb4_0900_ai_ci ({@link MySqlWeights}).
 */
public final class MySqlCollator extends Collator {
    @Override
    public int compare(String source, String target) {
        return compare(source, target, accentsAndCaseIgnored());
    }

    private static int compare(String source, String target, boolean accentsAndCaseIgnored) {
        return accentsAndCaseIgnored ? MySqlWeights.compare(source, target) : compareCodePoints(source, target);
    }

    private boolean accentsAndCaseIgnored() {
        return getStrength() <= SECONDARY;
    }

    /** Code point order; UTF-16 puts U+E000..U+FFFF after the surrogates of the code points above them. */
    static int compareCodePoints(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointRank(x) - codePointRank(y);
            }
        }
        return a.length() - b.length();
    }

    private static int codePointRank(char c) {
        if (c < 0xD800) {
            return c;
        }
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }

    @Override
    public CollationKey getCollationKey(String source) {
        return source == null ? null : new Key(source, accentsAndCaseIgnored());
    }

    @Override
    public int hashCode() {
        return getStrength();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MySqlCollator collator && collator.getStrength() == getStrength();
    }

    /** A key that compares as its collator compares its text. */
    private static final class Key extends CollationKey {
        private final boolean accentsAndCaseIgnored;

        Key(String source, boolean accentsAndCaseIgnored) {
            super(source);
            this.accentsAndCaseIgnored = accentsAndCaseIgnored;
        }

        @Override
        public int compareTo(CollationKey target) {
            return compare(getSourceString(), target.getSourceString(), accentsAndCaseIgnored);
        }

        @Override
        public byte[] toByteArray() {
            int[] units = accentsAndCaseIgnored ? MySqlWeights.weights(getSourceString(), 0)
                    : getSourceString().codePoints().toArray();
            ByteBuffer bytes = ByteBuffer.allocate(units.length * 4);
            for (int each : units) {
                bytes.putInt(each);
            }
            return bytes.array();
        }
    }
}
