package dev.beian.gateway.security;

/**
 * Accepts only request paths that mean what they say, so that access rules matched on the path cannot be
 * dodged by a spelling the backend resolves differently: no dot segments, no empty segments, no matrix
 * parameters, no backslashes and no percent-encoded characters that decode to ASCII letters, digits,
 * {@code - . _ ~ / \ ;} or control characters (which a backend would decode before matching).
 */
public final class PathGuard {

    private PathGuard() {
    }

    /** One pass over the path, without allocating: it runs on every API call. */
    public static boolean isCanonical(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            return false;
        }
        int length = path.length();
        int segmentStart = 1; // index after the last '/'
        for (int i = 1; i <= length; i++) {
            char c = i < length ? path.charAt(i) : '/';
            if (c == '/') {
                int segment = i - segmentStart;
                if (i < length && segment == 0) {
                    return false; // "//"
                }
                if ((segment == 1 && path.charAt(segmentStart) == '.')
                        || (segment == 2 && path.charAt(segmentStart) == '.' && path.charAt(segmentStart + 1) == '.')) {
                    return false; // dot segment
                }
                segmentStart = i + 1;
            } else if (c < 0x21 || c == 0x7f || c == ';' || c == '\\') {
                return false;
            } else if (c == '%' && i + 2 < length && isEncodedAsciiTrick(path.charAt(i + 1), path.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code %hl} decodes to what a backend would resolve before matching: control characters
     * (00-1F), {@code - . /} (2D-2F), digits (30-39), {@code ;} (3B), letters (41-5A, 61-7A), {@code \} (5C),
     * {@code _} (5F) and {@code ~} (7E), and DEL (7F).
     */
    private static boolean isEncodedAsciiTrick(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        if (h < 0 || l < 0 || high > 'f' || low > 'f') {
            return false;
        }
        return switch (h) {
            case 0, 1 -> true;
            case 2 -> l >= 0xD;
            case 3 -> l <= 9 || l == 0xB;
            case 4, 6 -> l >= 1;
            case 5, 7 -> l <= 0xA || (h == 5 ? l == 0xC || l == 0xF : l == 0xE || l == 0xF);
            default -> false;
        };
    }
}
