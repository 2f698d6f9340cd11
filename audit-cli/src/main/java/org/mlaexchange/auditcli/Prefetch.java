package org.mlaexchange.auditcli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a source on a thread of its own, in batches through a bounded queue, so fetching (network,
 * Kafka decoding) and verifying (hashing) use both cores while memory stays bounded.
 */
final class Prefetch implements Iterator<String> {

    private static final int BATCH = 2_000;
    private static final List<String> END = new ArrayList<>();
    private final BlockingQueue<List<String>> queue = new ArrayBlockingQueue<>(16);
    private final Thread reader;
    /** Why the reader stopped early: handed to the verifier, who would otherwise wait for the end forever. */
    private volatile Throwable failure;
    private List<String> batch = List.of();
    private int index;
    private boolean done;

    Prefetch(Iterator<String> source, String name) {
        reader = new Thread(() -> {
            try {
                List<String> next = new ArrayList<>(BATCH);
                while (source.hasNext()) {
                    next.add(source.next());
                    if (next.size() == BATCH) {
                        queue.put(next);
                        next = new ArrayList<>(BATCH);
                    }
                }
                if (!next.isEmpty()) {
                    queue.put(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // an Error too (out of memory): the reader's end must reach the verifier, or it waits forever
                failure = e;
            }
            try {
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "read-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public boolean hasNext() {
        while (!done && index == batch.size()) {
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuditFailure("interrupted", e);
            }
            index = 0;
            if (batch == END) {
                done = true;
                if (failure instanceof Error e) {
                    throw e;
                }
                if (failure != null) {
                    throw (RuntimeException) failure;
                }
            }
        }
        return !done;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.get(index++);
    }

    /** Waits for the reader to stop (after the end, or once interrupted). */
    void join() throws InterruptedException {
        reader.interrupt();
        reader.join(5_000);
    }
}
