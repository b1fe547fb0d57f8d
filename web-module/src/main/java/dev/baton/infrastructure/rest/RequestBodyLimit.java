package dev.baton.infrastructure.rest;

import dev.baton.infrastructure.config.BatonConfig;
import dev.baton.infrastructure.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over {@code baton.maxRequestBytes} (default 10 MiB) with 413 before reading
 * them: by Content-Length when given, otherwise by counting while the body streams in.
 */
@Provider
@PreMatching
public class RequestBodyLimit implements ContainerRequestFilter {

    @Inject
    BatonConfig config;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = config.maxRequestBytes();
        if (request.getLength() > limit) {
            request.abortWith(Problems.of(tooLarge(limit), request.getUriInfo().getPath()));
            return;
        }
        request.setEntityStream(new Limited(request.getEntityStream(), limit));
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(
                413,
                "payload-too-large",
                "Request body too large",
                "request bodies are limited to " + limit + " bytes");
    }

    /** Fails as soon as more than {@code limit} bytes were read. */
    static final class Limited extends FilterInputStream {
        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
