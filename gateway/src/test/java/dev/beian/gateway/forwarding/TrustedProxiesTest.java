package dev.beian.gateway.forwarding;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustedProxiesTest {

    @Test
    void matchesAddressesInTheConfiguredRangesOnly() {
        TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));
        assertTrue(proxies.isTrusted("10.20.30.40"));
        assertTrue(proxies.isTrusted("192.168.1.7"));
        assertFalse(proxies.isTrusted("192.168.1.8"));
        assertTrue(proxies.isTrusted("fd00::1"));
        assertFalse(proxies.isTrusted("11.0.0.1"));
        assertFalse(proxies.isTrusted("proxy.example.org"), "names are never looked up");
    }

    @Test
    void noRangesTrustNobody() {
        assertFalse(new TrustedProxies(List.of()).isTrusted("127.0.0.1"));
    }

    @Test
    void aMalformedRangeFailsAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("10.0.0.0/x")));
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("not-an-address")));
    }
}
