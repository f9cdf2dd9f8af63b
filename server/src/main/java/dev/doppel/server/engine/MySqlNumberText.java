package dev.doppel.server.engine;

/** Numbers as MySQL writes them as text: in results of the text protocol and inside string functions. */
public final class MySqlNumberText {
    private MySqlNumberText() {
    }

    /** MySQL prints whole doubles without ".0" and uses e notation only for very large or small values. */
    public static String ofDouble(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = Double.toString(value);
        return text.contains("E") ? text.replace("E", "e").replace("e", "e+").replace("e+-", "e-") : text;
    }

    /** A FLOAT by its own shortest digits (0.1, not the double 0.10000000149011612). */
    public static String ofFloat(float value) {
        return ofDouble(Double.parseDouble(Float.toString(value)));
    }
}
