package org.mlaexchange.auditcli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlaexchange.contracts.audit.Checkpoint;
import org.mlaexchange.contracts.audit.CheckpointKeys;

/**
 * What the auditor keeps between runs, outside every service (one folder per service): the signed
 * checkpoints verified so far, the keys that signed them (pinned on first use), and the hash of every
 * event verified, one per line, line {@code n} for logseq {@code n}. A log later rewritten, even as a
 * consistent forgery with its own valid chain and freshly signed checkpoints, contradicts them, and the
 * saved hashes name the first event that differs.
 */
final class Witness {

    private final Path folder;

    Witness(Path root, String service) {
        this.folder = root.resolve(service);
    }

    Path folder() {
        return folder;
    }

    List<Checkpoint> checkpoints() {
        Path file = folder.resolve("checkpoints.ndjson");
        if (!Files.exists(file)) {
            return List.of();
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).map(Checkpoint::fromJson).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pinned keys: key id to X.509 PEM. */
    Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        Path file = folder.resolve("keys.ndjson");
        if (Files.exists(file)) {
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                lines.filter(l -> !l.isBlank()).forEach(line -> {
                    var node = org.mlaexchange.contracts.events.EventJson.tree(line);
                    keys.put(node.path("keyId").asText(), node.path("publicKey").asText());
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    /** The saved event hashes, streamed in logseq order (empty when none). */
    BufferedReader hashes() throws IOException {
        Path file = folder.resolve("hashes");
        return Files.exists(file) ? Files.newBufferedReader(file, StandardCharsets.UTF_8) : new BufferedReader(new java.io.StringReader(""));
    }

    long hashCount() throws IOException {
        Path file = folder.resolve("hashes");
        return Files.exists(file) ? Files.size(file) / 65 : 0;
    }

    /** A file for the hashes verified beyond the saved ones during this run; {@link #save} appends it. */
    Path newHashesFile() throws IOException {
        Files.createDirectories(folder);
        return Files.createTempFile(folder, "hashes-", ".tmp");
    }

    void save(List<Checkpoint> newCheckpoints, Map<String, String> newKeys, Path newHashes) throws IOException {
        Files.createDirectories(folder);
        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("checkpoints.ndjson"), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (Checkpoint c : newCheckpoints) {
                w.write(c.toJson());
                w.newLine();
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("keys.ndjson"), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (Map.Entry<String, String> key : newKeys.entrySet()) {
                var node = org.mlaexchange.contracts.events.EventJson.mapper().createObjectNode()
                        .put("keyId", key.getKey()).put("publicKey", CheckpointKeys.toPem(CheckpointKeys.publicKey(key.getValue())));
                w.write(node.toString());
                w.newLine();
            }
        }
        if (newHashes != null) {
            try (var out = Files.newOutputStream(folder.resolve("hashes"), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                Files.copy(newHashes, out);
            }
            Files.deleteIfExists(newHashes);
        }
    }

    static List<Checkpoint> newerThan(List<Checkpoint> candidates, List<Checkpoint> saved) {
        long savedMax = saved.stream().mapToLong(Checkpoint::treeSize).max().orElse(-1);
        List<Checkpoint> result = new ArrayList<>();
        for (Checkpoint c : candidates) {
            if (c.treeSize() > savedMax && result.stream().noneMatch(r -> r.treeSize() == c.treeSize())) {
                result.add(c);
            }
        }
        result.sort(java.util.Comparator.comparingLong(Checkpoint::treeSize));
        return result;
    }
}
