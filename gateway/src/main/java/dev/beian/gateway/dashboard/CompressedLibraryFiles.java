package dev.beian.gateway.dashboard;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Serves the scripts and styles of web libraries under {@code /_static/} gzip-compressed to clients that accept it:
 * ECharts is 649 KiB as published and about a third of that compressed. Each file is compressed once, at the
 * highest level, on its first request, and kept; what is not a library script or style, or not found, goes on to
 * Quarkus' static handler (and its 404).
 *
 * <p>Why not {@code quarkus.http.enable-compression}: it is server-wide, so every proxied API answer would pass the
 * compressor too (a gzip per JSON answer on the gateway's hot path, and {@code Content-Encoding: identity} on the
 * rest), and it compresses on every request instead of once per file.
 */
public final class CompressedLibraryFiles implements Handler<RoutingContext> {

    private static final String ROOT = "META-INF/resources";
    private static final Map<String, String> TYPES = Map.of(
            ".js", "text/javascript;charset=UTF-8",
            ".mjs", "text/javascript;charset=UTF-8",
            ".css", "text/css;charset=UTF-8");

    private final Vertx vertx;
    /** Compressed files by path; only files that exist are kept, so the map is bounded by the libraries' files. */
    private final Map<String, Future<Compressed>> files = new ConcurrentHashMap<>();

    record Compressed(byte[] gzip, String contentType) {
    }

    public CompressedLibraryFiles(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String type = contentType(path);
        HttpMethod method = ctx.request().method();
        if (type == null || path.contains("..") || (method != HttpMethod.GET && method != HttpMethod.HEAD)
                || !acceptsGzip(ctx.request().getHeader("Accept-Encoding"))) {
            ctx.next();
            return;
        }
        Future<Compressed> file = files.get(path);
        if (file == null) {
            file = vertx.executeBlocking(() -> compress(path, type), false);
            Future<Compressed> raced = files.putIfAbsent(path, file);
            file = raced != null ? raced : file;
        }
        file.onComplete(ar -> {
            if (ar.failed() || ar.result() == null) {
                files.remove(path);
                ctx.next();
                return;
            }
            Compressed compressed = ar.result();
            ctx.response().putHeader("Content-Type", compressed.contentType())
                    .putHeader("Content-Encoding", "gzip")
                    .putHeader("Vary", "Accept-Encoding")
                    .putHeader("Content-Length", Integer.toString(compressed.gzip().length));
            if (method == HttpMethod.HEAD) {
                ctx.response().end();
            } else {
                ctx.response().end(Buffer.buffer(compressed.gzip()));
            }
        });
    }

    static String contentType(String path) {
        if (path == null) {
            return null;
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(path.substring(dot).toLowerCase(Locale.ROOT));
    }

    /** Whether Accept-Encoding lists gzip (or *) without q=0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            if (!name.equals("gzip") && !name.equals("*")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (parameter.startsWith("q=")) {
                    refused = parameter.substring(2).matches("0(\\.0*)?");
                }
            }
            return !refused;
        }
        return false;
    }

    private static Compressed compress(String path, String type) {
        URL resource = CompressedLibraryFiles.class.getClassLoader().getResource(ROOT + path);
        if (resource == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = resource.openStream();
             GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024) {
                 {
                     def.setLevel(Deflater.BEST_COMPRESSION);
                 }
             }) {
            in.transferTo(gzip);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compress " + path, e);
        }
        return new Compressed(out.toByteArray(), type);
    }
}
