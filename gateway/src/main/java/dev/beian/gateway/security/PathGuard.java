package dev.beian.gateway.security;

import java.util.regex.Pattern;

/**
 * Accepts only request paths that mean what they say, so that access rules matched on the path cannot be
 * dodged by a spelling the backend resolves differently: no dot segments, no empty segments, no matrix
 * parameters, no backslashes and no percent-encoded characters that decode to ASCII letters, digits,
 * {@code - . _ ~ / \ ;} or control characters (which a backend would decode before matching).
 */
public final class PathGuard {

    private static final Pattern ENCODED_ASCII_TRICK =
            Pattern.compile("%(?:[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9Bb]|2[DdEeFf]|5[CcFf]|7[EeFf]|[01][0-9A-Fa-f])");

    private PathGuard() {
    }

    public static boolean isCanonical(String path) {
        if (path == null || !path.startsWith("/") || path.contains("//") || path.contains(";")
                || path.contains("\\") || ENCODED_ASCII_TRICK.matcher(path).find()) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) < 0x21 || path.charAt(i) == 0x7f) {
                return false;
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
