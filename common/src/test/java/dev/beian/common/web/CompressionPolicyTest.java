package dev.beian.common.web;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which answers the server may gzip; the registry's CompressionTest shows the same rules over HTTP. */
class CompressionPolicyTest {

    private final CompressionPolicy policy = new CompressionPolicy(true, 1024);

    private MultiMap decided(String... headers) {
        MultiMap map = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < headers.length; i += 2) {
            map.add(headers[i], headers[i + 1]);
        }
        policy.decide(map);
        return map;
    }

    @Test
    void aLargeAnswerWithAWeakTagOrNoneMayBeCompressedAndVariesByEncoding() {
        MultiMap weak = decided("Content-Length", "33353", "ETag", "W/\"abc\"");
        assertNull(weak.get("Content-Encoding"));
        assertEquals("Accept-Encoding", weak.get("Vary"));
        MultiMap stream = decided("Content-Type", "text/csv");
        assertNull(stream.get("Content-Encoding"), "a stream without a length is compressed as it is written");
        assertEquals("Accept-Encoding", stream.get("Vary"));
    }

    @Test
    void aStrongTagKeepsItsExactBytesHoweverLarge() {
        MultiMap strong = decided("Content-Length", "500000", "ETag", "\"v3\"");
        assertEquals("identity", strong.get("Content-Encoding"));
        assertNull(strong.get("Vary"));
    }

    @Test
    void smallAnswersAreNotCompressed() {
        assertEquals("identity", decided("Content-Length", "1023").get("Content-Encoding"));
        assertNull(decided("Content-Length", "1024").get("Content-Encoding"));
    }

    @Test
    void anEncodingAlreadyChosenIsLeftAlone() {
        MultiMap gzip = decided("Content-Encoding", "gzip", "Content-Length", "10");
        assertEquals("gzip", gzip.get("Content-Encoding"));
    }
}
