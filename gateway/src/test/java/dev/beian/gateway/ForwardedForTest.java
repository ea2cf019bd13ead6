package dev.beian.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * X-Forwarded-For is believed only from a trusted proxy (here 127.0.0.5): anyone else's is replaced by the peer's
 * address before forwarding, and cannot buy a fresh rate-limit budget. Calls come from distinct loopback
 * addresses, which Linux routes to the gateway.
 */
@QuarkusTest
@QuarkusTestResource(StandInBackends.class)
@TestProfile(ForwardedForTest.OneTrustedProxy.class)
class ForwardedForTest {

    public static class OneTrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("beian.gateway.trusted-proxies", "127.0.0.5/32",
                    "beian.gateway.rate-limit.anonymous-limit", "2");
        }
    }

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void anUntrustedClientsForwardedForIsReplacedAndDoesNotEscapeItsRateLimit() throws Exception {
        RawHttp.Answer first = get("127.0.0.6", "198.51.100.1");
        assertTrue(first.startsWith("HTTP/1.1 200"), first.text());
        assertTrue(first.text().contains("\"forwardedFor\":\"127.0.0.6\""), first.text());
        assertTrue(get("127.0.0.6", "198.51.100.2").startsWith("HTTP/1.1 200"));
        // A third claimed address is still the same peer, whose 2 calls are used up.
        RawHttp.Answer third = get("127.0.0.6", "198.51.100.3");
        assertTrue(third.startsWith("HTTP/1.1 429"), third.text());
    }

    @Test
    void behindATrustedProxyTheForwardedClientIsTheClient() throws Exception {
        RawHttp.Answer first = get("127.0.0.5", "203.0.113.1");
        assertTrue(first.startsWith("HTTP/1.1 200"), first.text());
        assertTrue(first.text().contains("\"forwardedFor\":\"203.0.113.1, 127.0.0.5\""), first.text());
        // Each forwarded client has its own budget, even though all come through the one proxy.
        assertTrue(get("127.0.0.5", "203.0.113.2").startsWith("HTTP/1.1 200"));
        assertTrue(get("127.0.0.5", "203.0.113.3").startsWith("HTTP/1.1 200"));
        assertTrue(get("127.0.0.5", "203.0.113.3").startsWith("HTTP/1.1 200"));
        RawHttp.Answer spent = get("127.0.0.5", "203.0.113.3");
        assertTrue(spent.startsWith("HTTP/1.1 429"), spent.text());
    }

    private RawHttp.Answer get(String from, String forwardedFor) throws Exception {
        String request = "GET /api/v1/filings HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: " + forwardedFor
                + "\r\nConnection: close\r\n\r\n";
        return RawHttp.send(gateway, InetAddress.getByName(from), request.getBytes(StandardCharsets.US_ASCII), 5000);
    }
}
