package dev.beian.registry.importing;

import dev.beian.common.problem.ProblemException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads an upload up to a byte limit: one byte more is a 413, whatever Content-Length claimed. */
public final class UploadReader {

    private UploadReader() {
    }

    public static byte[] readLimited(InputStream body, long maxBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (body) {
            int n;
            while ((n = body.read(buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static ProblemException tooLarge(long maxBytes) {
        return ProblemException.tooLarge("An import may hold at most " + maxBytes + " bytes; split the file");
    }
}
