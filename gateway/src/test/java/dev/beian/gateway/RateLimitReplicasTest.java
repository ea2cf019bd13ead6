package dev.beian.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With {@code rate-limit.replicas=3} each gateway replica enforces a third of every configured limit, and
 * anonymous callers are limited per client address: one address using up its share leaves another's intact.
 * Calls come from distinct loopback addresses (127.0.0.2, 127.0.0.3, ...), which Linux routes to the gateway.
 */
@QuarkusTest
@QuarkusTestResource(StandInBackends.class)
@TestProfile(RateLimitReplicasTest.ThreeReplicas.class)
class RateLimitReplicasTest {

    public static class ThreeReplicas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("beian.gateway.rate-limit.replicas", "3",
                    "beian.gateway.rate-limit.anonymous-limit", "10",
                    "beian.gateway.rate-limit.key-limit", "7");
        }
    }

    @TestHTTPResource("/api/v1/filings")
    URL filings;

    @Test
    void eachReplicaEnforcesItsShareOfTheAnonymousLimitPerClientAddress() throws IOException {
        // 10 per window over 3 replicas: 3 here (rounded down, so the replicas together stay within 10).
        for (int remaining = 2; remaining >= 0; remaining--) {
            Answer ok = get("127.0.0.2", null);
            assertEquals(200, ok.status);
            assertEquals("3", ok.headers.get("ratelimit-limit"));
            assertEquals(String.valueOf(remaining), ok.headers.get("ratelimit-remaining"));
            assertEquals("3;w=60", ok.headers.get("ratelimit-policy"));
        }
        Answer refused = get("127.0.0.2", null);
        assertEquals(429, refused.status);
        assertEquals("application/problem+json", refused.headers.get("content-type"));
        assertEquals("0", refused.headers.get("ratelimit-remaining"));

        // Another address has its own budget, untouched by the first one's calls.
        Answer other = get("127.0.0.3", null);
        assertEquals(200, other.status);
        assertEquals("2", other.headers.get("ratelimit-remaining"));
        assertEquals(429, get("127.0.0.2", null).status);
    }

    @Test
    void keyLimitsAreDividedToo() throws IOException {
        // The default key limit 7 over 3 replicas: 2 here.
        Answer reader = get("127.0.0.4", StandInBackends.READER_KEY);
        assertEquals(200, reader.status);
        assertEquals("2", reader.headers.get("ratelimit-limit"));
        // A key's own limit (3) gives at least 1 per replica.
        given().header("X-API-Key", StandInBackends.LIMITED_KEY).get("/api/v1/filings").then().statusCode(200)
                .header("RateLimit-Limit", "1").header("RateLimit-Remaining", "0");
        given().header("X-API-Key", StandInBackends.LIMITED_KEY).get("/api/v1/filings").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"));
    }

    private record Answer(int status, Map<String, String> headers) {
    }

    /** One GET over a fresh connection from {@code localAddress}: status and headers (names lower case). */
    private Answer get(String localAddress, String apiKey) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName(filings.getHost()), filings.getPort(),
                InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(10_000);
            String request = "GET " + filings.getPath() + " HTTP/1.1\r\nHost: " + filings.getHost() + ':'
                    + filings.getPort() + "\r\n" + (apiKey == null ? "" : "X-API-Key: " + apiKey + "\r\n")
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            Map<String, String> headers = new HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers);
        }
    }
}
