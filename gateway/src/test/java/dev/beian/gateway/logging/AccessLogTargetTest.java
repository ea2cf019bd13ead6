package dev.beian.gateway.logging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccessLogTargetTest {

    @Test
    void masksTheValuesOfSecretParametersOnly() {
        assertEquals("/api/v1/filings?api_key=***&q=a", AccessLogTarget.mask("/api/v1/filings?api_key=abc&q=a"));
        assertEquals("/x?q=1&Key=***&monkey=2&token=***", AccessLogTarget.mask("/x?q=1&Key=k&monkey=2&token=t"));
        assertEquals("/x?access_token=***#frag", AccessLogTarget.mask("/x?access_token=t#frag"));
        assertEquals("/x?key", AccessLogTarget.mask("/x?key"));
        assertEquals("/api_key=1", AccessLogTarget.mask("/api_key=1"));
    }
}
