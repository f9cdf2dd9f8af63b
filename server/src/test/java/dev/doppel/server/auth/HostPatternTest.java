package dev.doppel.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostPatternTest {
    private static final InetAddress LOOPBACK4 = ip("127.0.0.1");
    private static final InetAddress LOOPBACK6 = ip("::1");
    private static final InetAddress LAN = ip("192.168.1.42");

    @Test
    void percentAndEmptyMatchEveryone() {
        for (String any : List.of("%", "")) {
            HostPattern pattern = HostPattern.parse(any);
            assertThat(pattern.matches("localhost", null)).isTrue();
            assertThat(pattern.matches(null, LAN)).isTrue();
            assertThat(pattern.matches("db.example.com", ip("10.0.0.1"))).isTrue();
        }
    }

    @Test
    void localhostMatchesTheSocketAndLoopbackTcp() {
        HostPattern localhost = HostPattern.parse("localhost");

        assertThat(localhost.matches("localhost", null)).isTrue();
        assertThat(localhost.matches(null, LOOPBACK4)).isTrue();
        assertThat(localhost.matches(null, LOOPBACK6)).isTrue();
        assertThat(localhost.matches(null, LAN)).isFalse();
        assertThat(localhost.matches("LOCALHOST", null)).isTrue();
    }

    @Test
    void loopbackAddressesMatchEitherLoopbackLiteral() {
        for (String literal : List.of("127.0.0.1", "::1")) {
            HostPattern pattern = HostPattern.parse(literal);
            assertThat(pattern.matches(null, LOOPBACK4)).as(literal).isTrue();
            assertThat(pattern.matches("localhost", LOOPBACK6)).as(literal).isTrue();
            assertThat(pattern.matches("localhost", null)).as(literal + " over the socket").isFalse();
            assertThat(pattern.matches(null, LAN)).as(literal).isFalse();
        }
    }

    @Test
    void literalAddressesAndNames() {
        assertThat(HostPattern.parse("192.168.1.42").matches(null, LAN)).isTrue();
        assertThat(HostPattern.parse("192.168.1.4").matches(null, LAN)).isFalse();
        assertThat(HostPattern.parse("db.example.com").matches("DB.Example.com", LAN)).isTrue();
        assertThat(HostPattern.parse("db.example.com").matches(null, LAN)).isFalse();
        assertThat(HostPattern.parse("2001:db8::1").matches(null, ip("2001:db8:0:0:0:0:0:1"))).isTrue();
        assertThat(HostPattern.parse("::ffff:192.168.1.42").matches(null, LAN)).isFalse();
    }

    @Test
    void ipv4MappedClientsAreMatchedAsIpv4() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(LAN.getAddress(), 0, mapped, 12, 4);
        InetAddress client = java.net.Inet6Address.getByAddress(null, mapped, -1);

        assertThat(HostPattern.parse("192.168.1.42").matches(null, client)).isTrue();
        assertThat(HostPattern.parse("192.168.1.0/24").matches(null, client)).isTrue();
    }

    @Test
    void wildcards() {
        assertThat(HostPattern.parse("192.168.1.%").matches(null, LAN)).isTrue();
        assertThat(HostPattern.parse("192.168.2.%").matches(null, LAN)).isFalse();
        assertThat(HostPattern.parse("192.168.1.4_").matches(null, LAN)).isTrue();
        assertThat(HostPattern.parse("192.168.1.4_").matches(null, ip("192.168.1.4"))).isFalse();
        assertThat(HostPattern.parse("%.example.com").matches("db.example.com", LAN)).isTrue();
        assertThat(HostPattern.parse("%.example.com").matches("example.com", LAN)).isFalse();
        assertThat(HostPattern.parse("db_.example.com").matches("db1.example.com", LAN)).isTrue();
        assertThat(HostPattern.parse("2001:db8::%").matches(null, ip("2001:db8::7"))).isTrue();
        assertThat(HostPattern.parse("127.0.0.%").matches(null, LOOPBACK6)).isTrue();
    }

    @Test
    void manyWildcardsStayCheap() {
        String pattern = "%a".repeat(40) + "%b";
        assertThat(HostPattern.wildMatch("a".repeat(250), pattern)).isFalse();
        assertThat(HostPattern.wildMatch("a".repeat(60) + "b", pattern)).isTrue();
        assertThat(HostPattern.wildMatch("abc", "a%%c")).isTrue();
        assertThat(HostPattern.wildMatch("", "%")).isTrue();
        assertThat(HostPattern.wildMatch("", "_")).isFalse();
        assertThat(HostPattern.wildMatch("a%c", "a\\%c")).isTrue();
        assertThat(HostPattern.wildMatch("abc", "a\\%c")).isFalse();
    }

    @Test
    void backslashEscapesAWildcard() {
        assertThat(HostPattern.parse("db\\_1").matches("db_1", LAN)).isTrue();
        assertThat(HostPattern.parse("db\\_1").matches("dbx1", LAN)).isFalse();
    }

    @Test
    void netmaskAndCidr() {
        for (String network : List.of("192.168.1.0/255.255.255.0", "192.168.1.0/24")) {
            HostPattern pattern = HostPattern.parse(network);
            assertThat(pattern.hasNetmask()).isTrue();
            assertThat(pattern.matches(null, LAN)).as(network).isTrue();
            assertThat(pattern.matches(null, ip("192.168.2.42"))).as(network).isFalse();
            assertThat(pattern.matches("localhost", null)).as(network).isFalse();
            assertThat(pattern.matches(null, ip("fe80::1"))).as(network).isFalse();
        }
        assertThat(HostPattern.parse("127.0.0.0/8").matches(null, LOOPBACK6)).isTrue();
        assertThat(HostPattern.parse("0.0.0.0/0").matches(null, LAN)).isTrue();
        assertThat(HostPattern.parse("192.168.1.1/24").matches(null, ip("192.168.1.1"))).isFalse();
        assertThat(HostPattern.parse("192.168.1.0/33").hasNetmask()).isFalse();
    }

    @Test
    void specificityFollowsMySqlsSortValue() {
        assertThat(HostPattern.parse("localhost").specificity()).isEqualTo(128);
        assertThat(HostPattern.parse("192.168.1.42").specificity()).isEqualTo(128);
        assertThat(HostPattern.parse("192.168.1.%").specificity()).isEqualTo(12);
        assertThat(HostPattern.parse("%.example.com").specificity()).isEqualTo(2);
        assertThat(HostPattern.parse("%").specificity()).isEqualTo(1);
        assertThat(HostPattern.parse("").specificity()).isZero();
        assertThat(HostPattern.parse("db\\_1").specificity()).isEqualTo(128);
    }

    @Test
    void mostSpecificFirst() {
        List<String> hosts = new ArrayList<>(List.of("%", "", "192.168.%", "localhost", "192.168.1.%",
                "10.0.0.0/255.0.0.0", "192.168.1.0/24", "db.example.com"));

        hosts.sort(Comparator.comparing(HostPattern::parse, HostPattern.MOST_SPECIFIC_FIRST));

        assertThat(hosts).containsExactly("192.168.1.0/24", "10.0.0.0/255.0.0.0", "localhost", "db.example.com",
                "192.168.1.%", "192.168.%", "%", "");
    }

    @Test
    void formatsIpv6LikeMySql() {
        assertThat(HostPattern.format(ip("0:0:0:0:0:0:0:1"))).isEqualTo("::1");
        assertThat(HostPattern.format(ip("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(HostPattern.format(ip("fe80:0:0:0:0:0:0:0"))).isEqualTo("fe80::");
        assertThat(HostPattern.format(ip("2001:db8:1:2:3:4:5:6"))).isEqualTo("2001:db8:1:2:3:4:5:6");
        assertThat(HostPattern.format(ip("2001:0:1:2:3:4:5:0"))).isEqualTo("2001:0:1:2:3:4:5:0");
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
