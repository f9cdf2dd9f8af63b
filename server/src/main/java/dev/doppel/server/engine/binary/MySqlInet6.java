package dev.doppel.server.engine.binary;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.engine.StatementEffects;

/**
 * MySQL's INET6_ATON, INET6_NTOA, IS_IPV4, IS_IPV6, IS_IPV4_COMPAT and IS_IPV4_MAPPED (PUBLIC.MYSQL_INET6_ATON, ...),
 * with MySQL's own parsing (an IPv4 address is exactly four groups of one to three digits; an IPv6 one has at most
 * one "::" and may end in an IPv4 part) and printing (lower-case groups without leading zeros, the longest run of
 * zero groups as "::", the first of equal runs, even a single one; IPv4-compatible and IPv4-mapped addresses end in
 * their dotted part). What is no address gives NULL and warning 1411, as in MySQL.
 */
public final class MySqlInet6 {
    private MySqlInet6() {
    }

    public static byte[] inet6Aton(String text) {
        if (text == null) {
            return null;
        }
        byte[] result = ipv4(text);
        if (result == null) {
            result = ipv6(text);
        }
        if (result == null) {
            StatementEffects.warning(1411, MySqlError.ER_WRONG_VALUE_FOR_TYPE.message("string", "'" + text + "'",
                    "inet6_aton"));
        }
        return result;
    }

    public static String inet6Ntoa(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length == 4) {
            return dotted(bytes, 0);
        }
        if (bytes.length == 16) {
            return ipv6Text(bytes);
        }
        StatementEffects.warning(1411, MySqlError.ER_WRONG_VALUE_FOR_TYPE.message("string",
                java.util.HexFormat.of().formatHex(bytes), "inet6_ntoa"));
        return null;
    }

    public static Integer isIpv4(String text) {
        return text != null && ipv4(text) != null ? 1 : 0;
    }

    public static Integer isIpv6(String text) {
        return text != null && ipv6(text) != null ? 1 : 0;
    }

    public static Integer isIpv4Compat(byte[] bytes) {
        if (bytes == null || bytes.length != 16 || !zeros(bytes, 0, 12)) {
            return 0;
        }
        long last = ((bytes[12] & 0xffL) << 24) | ((bytes[13] & 0xff) << 16) | ((bytes[14] & 0xff) << 8)
                | (bytes[15] & 0xff);
        return last > 1 ? 1 : 0; // :: and ::1 are not
    }

    public static Integer isIpv4Mapped(byte[] bytes) {
        return bytes != null && bytes.length == 16 && zeros(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff
                && (bytes[11] & 0xff) == 0xff ? 1 : 0;
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Four groups of one to three digits, each at most 255; null otherwise. */
    static byte[] ipv4(String text) {
        if (text.length() < 7 || text.length() > 15) {
            return null;
        }
        byte[] result = new byte[4];
        int group = 0;
        int digits = 0;
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && group < 3) {
                result[group++] = (byte) value;
                digits = 0;
                value = 0;
            } else {
                return null;
            }
        }
        if (group != 3 || digits == 0) {
            return null;
        }
        result[3] = (byte) value;
        return result;
    }

    /** Up to eight groups of one to four hex digits, one "::" at most, an IPv4 part at the end; null otherwise. */
    static byte[] ipv6(String text) {
        if (text.length() < 2 || text.length() > 39 || text.charAt(0) == ':' && text.charAt(1) != ':') {
            return null;
        }
        byte[] result = new byte[16];
        int written = 0;
        int gap = -1;
        int digits = 0;
        int value = 0;
        int groupStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                groupStart = i + 1;
                if (digits == 0) {
                    if (gap >= 0 && !(i == 1 && gap == 0)) {
                        return null;
                    }
                    gap = written;
                    continue;
                }
                if (i + 1 == text.length() || written + 2 > 16) {
                    return null;
                }
                result[written++] = (byte) (value >> 8);
                result[written++] = (byte) value;
                digits = 0;
                value = 0;
            } else if (c == '.') {
                byte[] ipv4 = written + 4 <= 16 ? ipv4(text.substring(groupStart)) : null;
                if (ipv4 == null) {
                    return null;
                }
                System.arraycopy(ipv4, 0, result, written, 4);
                written += 4;
                digits = 0;
                break;
            } else {
                int hex = Character.digit(c, 16);
                if (hex < 0 || ++digits > 4) {
                    return null;
                }
                value = (value << 4) | hex;
            }
        }
        if (digits > 0) {
            if (written + 2 > 16) {
                return null;
            }
            result[written++] = (byte) (value >> 8);
            result[written++] = (byte) value;
        }
        if (gap >= 0) {
            if (written == 16) {
                return null;
            }
            int moved = written - gap;
            System.arraycopy(result, gap, result, 16 - moved, moved);
            java.util.Arrays.fill(result, gap, 16 - moved, (byte) 0);
            written = 16;
        }
        return written == 16 ? result : null;
    }

    private static String dotted(byte[] bytes, int from) {
        return (bytes[from] & 0xff) + "." + (bytes[from + 1] & 0xff) + "." + (bytes[from + 2] & 0xff) + "."
                + (bytes[from + 3] & 0xff);
    }

    private static String ipv6Text(byte[] bytes) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int gapStart = -1;
        int gapLength = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && words[i] == 0) {
                i++;
            }
            if (i - start > gapLength) {
                gapStart = start;
                gapLength = i - start;
            }
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == gapStart) {
                out.append(i == 0 ? "::" : ":");
                i += gapLength - 1;
            } else if (i == 6 && gapStart == 0 && (gapLength == 6 || gapLength == 5 && words[5] == 0xffff)) {
                return out.append(dotted(bytes, 12)).toString();
            } else {
                out.append(Integer.toHexString(words[i]));
                if (i != 7) {
                    out.append(':');
                }
            }
        }
        return out.toString();
    }
}
