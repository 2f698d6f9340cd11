package org.mlaexchange.request.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy between the service and PostgreSQL that, once armed, breaks the connection of the next group
 * commit at its COMMIT: before the COMMIT reaches the database (nothing is kept), or after the database
 * answered it (kept, but the service never hears so), optionally with the database out of reach for a while
 * (every connection closed, new ones refused). The group is told by its sealing statement, whose text is in
 * each execution when the driver does not prepare statements on the server ({@code prepareThreshold=0}).
 */
final class CommitCuttingProxy {

    enum Cut { BEFORE_COMMIT, AFTER_COMMIT }

    private static final String SEALING = "UPDATE event_log_head SET logseq";

    private final ServerSocket listener;
    private final String upstreamHost;
    private final int upstreamPort;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Cut> armed = new AtomicReference<>();
    private volatile Duration downFor = Duration.ZERO;
    private volatile long downUntil = System.nanoTime();
    private final AtomicInteger cuts = new AtomicInteger();
    /** What the service sent on the cut connection from the sealing statement on (parameters included). */
    private volatile String cutGroup = "";

    CommitCuttingProxy(String upstreamHost, int upstreamPort) {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread acceptor = new Thread(this::accept, "commit-cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Cuts the next group commit's connection; with {@code down} above zero, the database is then away that long. */
    void arm(Cut cut, Duration down) {
        downFor = down;
        armed.set(cut);
    }

    int cuts() {
        return cuts.get();
    }

    /** Whether the database is in reach through the proxy again (or never went away). */
    boolean up() {
        return System.nanoTime() - downUntil >= 0;
    }

    String cutGroup() {
        return cutGroup;
    }

    private void accept() {
        while (true) {
            try {
                Socket client = listener.accept();
                if (System.nanoTime() - downUntil < 0) {
                    client.close();
                    continue;
                }
                Link link = new Link(client, new Socket(upstreamHost, upstreamPort));
                links.add(link);
                link.start();
            } catch (IOException e) {
                // one connection failed to open: the service sees it fail as it would without the proxy
            }
        }
    }

    /** The connection is cut here: just this one, or all of them with the database away for {@code downFor}. */
    private void cut(Link link) {
        cutGroup = link.sent.toString();
        cuts.incrementAndGet();
        if (downFor.isZero()) {
            link.close();
        } else {
            downUntil = System.nanoTime() + downFor.toNanos();
            links.forEach(Link::close);
        }
    }

    private final class Link {
        final Socket client;
        final Socket server;
        final StringBuilder sent = new StringBuilder();
        volatile boolean sealing;
        volatile boolean commitSent;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() throws IOException {
            pump(client.getInputStream(), server.getOutputStream(), true);
            pump(server.getInputStream(), client.getOutputStream(), false);
        }

        private void pump(InputStream from, OutputStream to, boolean fromService) {
            Thread pump = new Thread(() -> {
                byte[] buffer = new byte[65536];
                try {
                    int n;
                    while ((n = from.read(buffer)) > 0) {
                        // the protocol's text (statements, parameters, command tags) read byte for byte
                        String text = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                        if (fromService ? seen(text) : answered(text)) {
                            return;
                        }
                        to.write(buffer, 0, n);
                        to.flush();
                    }
                } catch (IOException e) {
                    // the other side or the cut closed the link
                } finally {
                    close();
                }
            }, "commit-cutting-proxy-pump");
            pump.setDaemon(true);
            pump.start();
        }

        /** What the service sends; true when the link is cut before it reaches the database. */
        private boolean seen(String text) {
            if (armed.get() != null && text.contains(SEALING)) {
                sealing = true;
            }
            if (sealing) {
                sent.append(text);
                if (text.contains("COMMIT")) {
                    if (armed.compareAndSet(Cut.BEFORE_COMMIT, null)) {
                        cut(this);
                        return true;
                    }
                    commitSent = true;
                }
            }
            return false;
        }

        /** What the database answers; true when the link is cut before the service hears it. */
        private boolean answered(String text) {
            if (commitSent && text.contains("COMMIT\0") && armed.compareAndSet(Cut.AFTER_COMMIT, null)) {
                cut(this);
                return true;
            }
            return false;
        }

        void close() {
            links.remove(this);
            try {
                client.close();
            } catch (IOException ignored) {
                // already closed
            }
            try {
                server.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
