package dev.beian.registry.webhook;

import dev.beian.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Keeps deliveries away from the registry's own network (SSRF): only http(s) URLs without credentials, and a
 * host whose every address is public, unless {@code beian.webhooks.allow-private-targets} is set. The address
 * checked is the one connected to ({@link WebhookSender} pins it), so a DNS answer that changes between the
 * check and the connection cannot redirect a delivery.
 */
@ApplicationScoped
public class TargetGuard {

    private final boolean allowPrivate;

    public TargetGuard(WebhookConfig config) {
        this.allowPrivate = config.allowPrivateTargets();
    }

    /** The URL if it is acceptable for a subscription; otherwise a 400 problem naming {@code url}. */
    public URI check(String url) {
        URI uri = parse(url);
        try {
            resolve(uri);
        } catch (RefusedTarget e) {
            throw ProblemException.invalidParameter("url", e.getMessage());
        }
        return uri;
    }

    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.invalidParameter("url", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ProblemException.invalidParameter("url", "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw ProblemException.invalidParameter("url", "must name a host, without credentials or fragment");
        }
        return uri;
    }

    /** The address to connect to; refused when the host does not resolve or resolves to a non-public address. */
    public InetAddress resolve(URI uri) throws RefusedTarget {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new RefusedTarget("host '" + uri.getHost() + "' does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new RefusedTarget("resolves to " + address.getHostAddress()
                            + ", a loopback, link-local, private, multicast or unspecified address");
                }
            }
        }
        return addresses[0];
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()
                || a.isAnyLocalAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // fc00::/7, unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first != 0                                     // 0.0.0.0/8, "this network"
                && !(first == 100 && (second & 0xc0) == 64)   // 100.64.0.0/10, carrier-grade NAT
                && !(first == 198 && (second & 0xfe) == 18)   // 198.18.0.0/15, benchmarking
                && first < 240;                               // 240.0.0.0/4 reserved, and broadcast
    }

    /** A target the registry will not connect to. */
    public static final class RefusedTarget extends Exception {
        RefusedTarget(String message) {
            super(message, null, false, false);
        }
    }
}
