package dev.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private Thread serverThread;

    /** A loopback server answering each connection's requests with {@code replies}, in order, then closing. */
    private int serve(List<List<String>> repliesPerConnection) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serverThread = new Thread(() -> {
            for (List<String> replies : repliesPerConnection) {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    for (String reply : replies) {
                        requests.add(readRequest(in));
                        out.write(reply.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
        serverThread.setDaemon(true);
        serverThread.start();
        return server.getLocalPort();
    }

    private static String readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int length = 0;
        for (String line = HttpConnection.readLine(in); !line.isEmpty(); line = HttpConnection.readLine(in)) {
            head.append(line).append('\n');
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
            serverThread.join(5_000);
        }
    }

    @Test
    void keepsTheConnectionForContentLengthAndChunkedReplies() throws Exception {
        int port = serve(List.of(List.of(
                "HTTP/1.1 202 Accepted\r\nContent-Length: 11\r\n\r\n{\"id\":\"a\"}\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3;x=y\r\n:1}\r\n0\r\n\r\n")));
        try (HttpConnection http = new HttpConnection("127.0.0.1", port, "Basic abc")) {
            HttpReply first = http.post("/api/tasks", "{\"handler\":\"noop\"}");
            HttpReply second = http.get("/api/queues");

            assertThat(first).isEqualTo(new HttpReply(202, "{\"id\":\"a\"}\n"));
            assertThat(second).isEqualTo(new HttpReply(200, "{\"a\":1}"));
        }
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0))
                .startsWith("POST /api/tasks HTTP/1.1\n")
                .contains("Authorization: Basic abc\n", "Content-Type: application/json\n", "Content-Length: 18\n")
                .endsWith("{\"handler\":\"noop\"}");
        assertThat(requests.get(1)).startsWith("GET /api/queues HTTP/1.1\n").doesNotContain("Content-Length");
    }

    @Test
    void reconnectsAfterConnectionClose() throws Exception {
        int port = serve(List.of(
                List.of("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"),
                List.of("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nagain")));
        try (HttpConnection http = new HttpConnection("127.0.0.1", port, null)) {
            assertThat(http.get("/one").body()).isEqualTo("ok");
            assertThat(http.get("/two").body()).isEqualTo("again");
        }
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).doesNotContain("Authorization");
    }

    @Test
    void aPostIsNotResentWhenTheConnectionDrops() throws Exception {
        int port = serve(List.of(List.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"), List.of()));
        try (HttpConnection http = new HttpConnection("127.0.0.1", port, null)) {
            assertThat(http.get("/one").body()).isEqualTo("ok");
            // the server closed the first connection after one reply
            assertThatThrownBy(() -> http.post("/two", "{}")).isInstanceOf(IOException.class);
        }
        assertThat(requests)
                .containsExactly("GET /one HTTP/1.1\nHost: 127.0.0.1:" + port + "\nAccept: application/json\n");
    }

    @Test
    void readsChunkedBodiesWithTrailers() throws Exception {
        byte[] wire = "5\r\nhello\r\n0\r\nX-Trailer: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(new String(HttpConnection.readChunked(new ByteArrayInputStream(wire)), StandardCharsets.UTF_8))
                .isEqualTo("hello");
    }
}
