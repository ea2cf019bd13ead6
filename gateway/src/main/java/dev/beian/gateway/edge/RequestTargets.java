package dev.beian.gateway.edge;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Request targets as they arrive: the HTTP decoder hands each byte of the request line over as one character
 * (ISO-8859-1), so raw UTF-8 shows as characters above 0x7F. Like nginx, the gateway accepts raw UTF-8 in a query
 * and forwards it percent-encoded, which is what the backends (and RFC 3986) expect.
 */
public final class RequestTargets {

    private RequestTargets() {
    }

    /** Whether the target has raw (not percent-encoded) bytes above 0x7F. */
    public static boolean hasRawNonAscii(String target) {
        for (int i = 0; i < target.length(); i++) {
            if (target.charAt(i) > 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** Whether the raw bytes above 0x7F form valid UTF-8. */
    public static boolean rawBytesAreUtf8(String target) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(target.getBytes(StandardCharsets.ISO_8859_1)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The target with every byte above 0x7F percent-encoded ({@code 文} → {@code %E6%96%87}). */
    public static String percentEncodeNonAscii(String target) {
        if (!hasRawNonAscii(target)) {
            return target;
        }
        StringBuilder encoded = new StringBuilder(target.length() * 3);
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c > 0x7F) {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                encoded.append(c);
            }
        }
        return encoded.toString();
    }

    /**
     * Whether the (ASCII) target is a well-formed URI reference: no malformed percent escapes ({@code %%%}),
     * no spaces or other characters that must be encoded. The backends' HTTP layer refuses such targets with a
     * bare 400, so the gateway refuses them first, with a problem.
     */
    public static boolean isWellFormed(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
