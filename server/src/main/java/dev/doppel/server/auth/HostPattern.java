package dev.doppel.server.auth;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host part of a MySQL account ({@code 'user'@'host'}) and how a connecting client is matched against it, as
 * MySQL 8.4 does: {@code %} (or an empty host) matches any client; {@code %} and {@code _} are wildcards (with
 * {@code \} escaping them) matched against the client's host name and against its IP address; an IPv4 address
 * with a netmask ({@code 192.168.1.0/255.255.255.0}) or a CIDR prefix length ({@code 192.168.1.0/24}) matches
 * the IPv4 clients in that network. A client over loopback TCP or the Unix socket is {@code localhost}; a
 * loopback TCP client also matches {@code 127.0.0.1} and {@code ::1}.
 */
public final class HostPattern {
    /**
     * MySQL's account order (ACL_compare): host patterns with a netmask first, wider masks later; then by
     * specificity (literal hosts before wildcard patterns, longer literal prefixes before shorter, {@code %} and
     * the empty host last). Ties keep their order; MySQL then puts named users before the anonymous user.
     */
    public static final Comparator<HostPattern> MOST_SPECIFIC_FIRST = (a, b) -> {
        if (a.hasNetmask() != b.hasNetmask()) {
            return a.hasNetmask() ? -1 : 1;
        }
        if (a.hasNetmask() && a.mask != b.mask) {
            return Long.compare(b.mask & 0xFFFFFFFFL, a.mask & 0xFFFFFFFFL);
        }
        return Integer.compare(b.specificity(), a.specificity());
    };

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final String LOCALHOST = "localhost";
    private static final List<String> LOOPBACK_IPS = List.of("127.0.0.1", "::1");
    private static final int LOOPBACK_IPV4 = 0x7F000001;
    /** Pattern tokens for % and _; literal characters are their own (non-negative) values. */
    private static final int ANY_RUN = -1;
    private static final int ANY_ONE = -2;

    private final String pattern;
    private final int network;
    private final int mask;
    private final boolean netmask;
    private final int specificity;

    private HostPattern(String pattern, boolean netmask, int network, int mask) {
        this.pattern = pattern;
        this.netmask = netmask;
        this.network = network;
        this.mask = mask;
        this.specificity = sortValue(pattern);
    }

    /** The pattern as stored in mysql.user.Host. */
    public static HostPattern parse(String host) {
        int slash = host.indexOf('/');
        if (slash > 0) {
            Integer network = ipv4(host.substring(0, slash));
            Integer mask = maskOf(host.substring(slash + 1));
            if (network != null && mask != null) {
                return new HostPattern(host, true, network, mask);
            }
        }
        return new HostPattern(host, false, 0, 0);
    }

    public String pattern() {
        return pattern;
    }

    public boolean hasNetmask() {
        return netmask;
    }

    /**
     * Whether a client matches.
     *
     * @param clientHost the client's host name: {@code localhost} for the Unix socket, the resolved name of a TCP
     *     client, or null when it was not resolved (skip_name_resolve)
     * @param clientAddress the TCP client's address, or null for the Unix socket
     */
    public boolean matches(String clientHost, InetAddress clientAddress) {
        if (pattern.isEmpty()) {
            return true;
        }
        InetAddress address = normalize(clientAddress);
        boolean loopback = address != null && address.isLoopbackAddress();
        if (netmask) {
            if (address instanceof Inet4Address v4) {
                return (toInt(v4.getAddress()) & mask) == network;
            }
            return loopback && (LOOPBACK_IPV4 & mask) == network;
        }
        List<String> names = new ArrayList<>(2);
        if (clientHost != null) {
            names.add(clientHost);
        }
        if (loopback) {
            names.add(LOCALHOST);
        }
        List<String> ips = new ArrayList<>(3);
        if (address != null) {
            ips.add(format(address));
        }
        if (loopback) {
            ips.addAll(LOOPBACK_IPS);
        }
        for (String candidate : names) {
            if (wildMatch(candidate, pattern)) {
                return true;
            }
        }
        for (String candidate : ips) {
            if (wildMatch(candidate, pattern)) {
                return true;
            }
        }
        return false;
    }

    /**
     * MySQL's sort value of the host (get_sort): 128 for a host without wildcards, 1 + the position of the first
     * wildcard (+1 unless the host is just {@code %}) for a pattern, 0 for the empty host.
     */
    public int specificity() {
        return specificity;
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static int sortValue(String host) {
        int chars = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '\\' && i + 1 < host.length()) {
                i++;
            } else if (c == '%' || c == '_') {
                int wildPos = i + 1;
                if (!(wildPos == 1 && c == '%' && host.length() == 1)) {
                    wildPos++;
                }
                return Math.min(wildPos, 127);
            }
            chars = 128;
        }
        return chars;
    }

    /**
     * Case-insensitive LIKE-style match: % any run, _ one character, a backslash escapes the next character.
     * Greedy with one backtracking point, so it stays linear-times-pattern even for patterns full of %.
     */
    static boolean wildMatch(String text, String pattern) {
        String s = text.toLowerCase(Locale.ROOT);
        String p = pattern.toLowerCase(Locale.ROOT);
        int[] tokens = new int[p.length()];
        int count = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                tokens[count++] = p.charAt(++i);
            } else if (c == '%') {
                tokens[count++] = ANY_RUN;
            } else if (c == '_') {
                tokens[count++] = ANY_ONE;
            } else {
                tokens[count++] = c;
            }
        }
        int si = 0;
        int ti = 0;
        int runToken = -1;
        int runStart = 0;
        while (si < s.length()) {
            if (ti < count && (tokens[ti] == ANY_ONE || tokens[ti] == s.charAt(si))) {
                si++;
                ti++;
            } else if (ti < count && tokens[ti] == ANY_RUN) {
                runToken = ti++;
                runStart = si;
            } else if (runToken >= 0) {
                ti = runToken + 1;
                si = ++runStart;
            } else {
                return false;
            }
        }
        while (ti < count && tokens[ti] == ANY_RUN) {
            ti++;
        }
        return ti == count;
    }

    private static Integer ipv4(String text) {
        Matcher m = IPV4.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int value = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return null;
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    /** A dotted netmask, or a CIDR prefix length 0..32 (MySQL 8.0.23+). */
    private static Integer maskOf(String text) {
        if (text.matches("\\d{1,2}")) {
            int bits = Integer.parseInt(text);
            if (bits > 32) {
                return null;
            }
            return bits == 0 ? 0 : -1 << (32 - bits);
        }
        return ipv4(text);
    }

    private static int toInt(byte[] b) {
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    /** An IPv4-mapped IPv6 address as the IPv4 address, the way MySQL normalizes client addresses. */
    private static InetAddress normalize(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            boolean mapped = b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = b[i] == 0;
            }
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }

    /** The numeric form MySQL compares with: dotted IPv4, or RFC 5952 compressed lower-case IPv6. */
    static String format(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
