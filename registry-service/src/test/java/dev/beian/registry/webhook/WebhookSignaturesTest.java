package dev.beian.registry.webhook;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignaturesTest {

    /** The example of the Standard Webhooks reference libraries. */
    @Test
    void signsTheSpecificationsExample() {
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignatures.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body));
    }

    @Test
    void twoSecretsGiveTwoSignaturesSeparatedByASpace() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String a = WebhookSignatures.newSecret();
        String b = WebhookSignatures.newSecret();
        assertEquals(WebhookSignatures.sign(a, "msg_1_1", 5, body) + " " + WebhookSignatures.sign(b, "msg_1_1", 5, body),
                WebhookSignatures.header(List.of(a, b), "msg_1_1", 5, body));
    }

    @Test
    void secretsAreFreshAndLongEnough() {
        String secret = WebhookSignatures.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertTrue(Base64.getDecoder().decode(secret.substring(6)).length >= 24);
        assertFalse(secret.equals(WebhookSignatures.newSecret()));
    }

    @Test
    void onlyPublicAddressesArePublic() throws Exception {
        for (String address : List.of("8.8.8.8", "203.0.113.7", "2001:4860:4860::8888")) {
            assertTrue(TargetGuard.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.31.0.1", "192.168.0.1", "169.254.169.254",
                "0.0.0.0", "100.64.1.1", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd12::1", "::")) {
            assertFalse(TargetGuard.isPublic(InetAddress.getByName(address)), address);
        }
    }
}
