package dev.beian.gateway.forwarding;

import dev.beian.gateway.config.GatewayConfig;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Whom the gateway believes about a client's address ({@code beian.gateway.trusted-proxies}, CIDR ranges, none by
 * default). A client's own {@code X-Forwarded-For} is anyone's to write: only when the connection comes from a
 * trusted proxy (a load balancer in front of the gateway) are the addresses it forwards taken as the client's.
 * Otherwise the peer's address is the client's, for the rate limit and for what the backends are told.
 * Ranges are matched with Netty's {@link IpSubnetFilterRule} rather than by hand.
 */
@ApplicationScoped
public class TrustedProxies {

    public static final String HEADER = "X-Forwarded-For";

    private final List<IpSubnetFilterRule> ranges;

    @Inject
    public TrustedProxies(GatewayConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    TrustedProxies(List<String> cidrs) {
        List<IpSubnetFilterRule> parsed = new ArrayList<>();
        for (String cidr : cidrs) {
            if (!cidr.isBlank()) {
                parsed.add(rule(cidr.strip()));
            }
        }
        this.ranges = List.copyOf(parsed);
    }

    private static IpSubnetFilterRule rule(String cidr) {
        try {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            InetAddress ip = InetAddress.getByName(address); // a literal: no name lookup
            int bits = slash < 0 ? ip.getAddress().length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            return new IpSubnetFilterRule(ip, bits, IpFilterRuleType.ACCEPT);
        } catch (Exception e) {
            throw new IllegalArgumentException("beian.gateway.trusted-proxies: '" + cidr
                    + "' is not an address or CIDR range (such as 10.0.0.0/8 or fd00::/8)", e);
        }
    }

    boolean isTrusted(String address) {
        if (ranges.isEmpty() || address == null || !isIpLiteral(address)) {
            return false;
        }
        try {
            InetSocketAddress socket = new InetSocketAddress(InetAddress.getByName(address), 0);
            return ranges.stream().anyMatch(range -> range.matches(socket));
        } catch (Exception e) {
            return false;
        }
    }

    /** The client's address: the peer's, or, behind trusted proxies, the nearest forwarded one not a proxy. */
    public String clientAddress(HttpServerRequest request) {
        String peer = peer(request);
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> chain = forwardedChain(request.getHeader(HEADER));
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!isTrusted(chain.get(i))) {
                return chain.get(i);
            }
        }
        return chain.isEmpty() ? peer : chain.get(0);
    }

    /**
     * The {@code X-Forwarded-For} to send the backend: behind a trusted proxy its chain with the proxy's address
     * appended, as every proxy does; from anyone else only the peer's address, whatever the client claimed.
     */
    public String forwardedFor(HttpServerRequest request) {
        String peer = peer(request);
        String incoming = request.getHeader(HEADER);
        if (isTrusted(peer) && incoming != null && !incoming.isBlank()) {
            return incoming.strip() + ", " + peer;
        }
        return peer;
    }

    private static String peer(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }

    private static List<String> forwardedChain(String header) {
        if (header == null) {
            return List.of();
        }
        List<String> chain = new ArrayList<>();
        for (String part : header.split(",")) {
            String address = part.strip();
            if (!address.isEmpty()) {
                chain.add(address);
            }
        }
        return chain;
    }

    /** Only literals are checked: InetAddress.getByName would otherwise look a forwarded name up in DNS. */
    private static boolean isIpLiteral(String address) {
        return io.netty.util.NetUtil.isValidIpV4Address(address) || io.netty.util.NetUtil.isValidIpV6Address(address);
    }
}
