package dev.beian.gateway.logging;

import io.netty.util.IllegalReferenceCountException;
import io.quarkus.logging.LoggingFilter;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops one warning Netty logs when a client disconnects while its proxied answer is still streaming: the proxy
 * library resets the already closed response, and Netty reports failing the dead write a second time
 * ("Failed to mark a promise as failure because it has failed already ... IllegalReferenceCountException").
 * Under load with impatient clients that is hundreds of stack traces that mean nothing; all else passes.
 */
@LoggingFilter(name = "closed-connection-noise")
public final class ClosedConnectionNoiseFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        return !("io.netty.channel.AbstractChannelHandlerContext".equals(record.getLoggerName())
                && record.getThrown() instanceof IllegalReferenceCountException
                && record.getMessage() != null
                && record.getMessage().startsWith("Failed to mark a promise as failure"));
    }
}
