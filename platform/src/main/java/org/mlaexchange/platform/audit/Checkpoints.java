package org.mlaexchange.platform.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.mlaexchange.contracts.audit.Checkpoint;
import org.mlaexchange.contracts.audit.CheckpointKeys;
import org.mlaexchange.contracts.audit.CheckpointSigner;
import org.mlaexchange.contracts.audit.MerkleLog;
import org.mlaexchange.platform.PlatformConfig;

/**
 * Signs the log's head and Merkle root (RFC 9162) periodically and on demand, so that a history
 * rewritten afterwards, even with valid hashes, contradicts a checkpoint held outside the service.
 * The key comes from {@code mla.audit.signing-key}/{@code mla.audit.public-key}; without them a key
 * is generated at start-up (development), and every checkpoint keeps the public key that signed it.
 * Each checkpoint is stored, then published to {@code mla.audit.checkpoints} (key: the service) so
 * witnesses outside the service hold it; one the broker did not acknowledge is retried by the periodic job.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final String service;
    private final CheckpointSigner signer;
    private final Map<String, Object> kafkaConfig;
    private final String topic;
    private final AtomicReference<Checkpoint> latest = new AtomicReference<>();
    private volatile boolean latestLoaded;
    private KafkaProducer<String, String> producer;

    public Checkpoints(AgroalDataSource dataSource, Clock clock, PlatformConfig config,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
        this.topic = config.audit().checkpointsTopic();
        Optional<String> signingKey = config.audit().signingKey();
        Optional<String> publicKey = config.audit().publicKey();
        this.dataSource = dataSource;
        this.clock = clock;
        this.service = config.service();
        if (signingKey.isPresent() && publicKey.isPresent()) {
            this.signer = CheckpointSigner.fromEncoded(signingKey.get(), publicKey.get());
        } else {
            this.signer = CheckpointSigner.generate();
            LOG.warnf("no mla.audit.signing-key configured: checkpoints are signed with a key generated at start-up (%s)",
                    signer.keyId());
        }
    }

    public String keyId() {
        return signer.keyId();
    }

    public PublicKey publicKey() {
        return signer.publicKey();
    }

    @Scheduled(every = "${mla.audit.checkpoint-every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodic() {
        try {
            create(false);
            publishPending();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("checkpoint not taken, will retry: %s", e.toString());
        }
    }

    /** The Merkle tree (its frontier) of the newest checkpoint made by this instance. */
    private volatile MerkleLog signedTree;

    /** Signs the current head; unless {@code force}, nothing new when the head has not moved. */
    public Optional<Checkpoint> create(boolean force) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement isolation = c.createStatement()) {
                isolation.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"); // head and hashes from one snapshot
            }
            long logseq;
            String head;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT logseq, hash FROM event_log_head WHERE id = 1")) {
                rs.next();
                logseq = rs.getLong(1);
                head = rs.getString(2);
            }
            Optional<Checkpoint> latest = latest(c);
            if (!force && latest.isPresent() && latest.get().logseq() == logseq) {
                c.rollback();
                return Optional.empty();
            }
            // the tree of the last checkpoint made here grows by the events since: the cost of a checkpoint
            // follows what is new, not the size of the history
            MerkleLog known = signedTree;
            MerkleLog tree = known != null && known.size() <= logseq ? known.copy() : new MerkleLog();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT hash FROM event_log WHERE logseq > ? AND logseq <= ? ORDER BY logseq")) {
                q.setFetchSize(10_000); // streamed: the tree keeps only its frontier
                q.setLong(1, tree.size());
                q.setLong(2, logseq);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        tree.appendEventHash(rs.getString(1));
                    }
                }
            }
            Checkpoint checkpoint = signer.sign(service, logseq, head, tree.size(), tree.rootHex(), clock.instant());
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO audit_checkpoint (logseq, head_hash, merkle_root, created_at, key_id, public_key, checkpoint)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setLong(1, logseq);
                insert.setString(2, head);
                insert.setString(3, checkpoint.merkleRoot());
                insert.setTimestamp(4, Timestamp.from(clock.instant()));
                insert.setString(5, signer.keyId());
                insert.setString(6, CheckpointKeys.toPem(signer.publicKey()));
                insert.setString(7, checkpoint.toJson());
                insert.executeUpdate();
            }
            c.commit();
            if (known == signedTree) {
                signedTree = tree;
            }
            this.latest.set(checkpoint);
            publishPending();
            return Optional.of(checkpoint);
        }
    }

    /** The newest checkpoint, for write receipts: read from the table once, then kept by {@link #create}. */
    public Optional<Checkpoint> latest() {
        if (!latestLoaded) {
            try (Connection c = dataSource.getConnection()) {
                latest(c).ifPresent(found -> latest.compareAndSet(null, found));
                latestLoaded = true; // none yet is an answer too: writes do not ask the table again
            } catch (SQLException e) {
                LOG.warnf("latest checkpoint not readable: %s", e.toString());
            }
        }
        return Optional.ofNullable(latest.get());
    }

    /** Publishes stored checkpoints the broker has not acknowledged yet, oldest first; stops at the first failure. */
    synchronized void publishPending() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT id, checkpoint FROM audit_checkpoint WHERE published_at IS NULL ORDER BY id LIMIT 100");
             PreparedStatement mark = c.prepareStatement("UPDATE audit_checkpoint SET published_at = now() WHERE id = ?")) {
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(topic, service, rs.getString(2));
                    record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
                    producer().send(record).get(10, TimeUnit.SECONDS);
                    mark.setLong(1, rs.getLong(1));
                    mark.executeUpdate();
                }
            }
        } catch (Exception e) {
            LOG.warnf("checkpoint publication to %s pending, will retry: %s", topic, e.toString());
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(kafkaConfig);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "checkpoints-" + service);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    /** Newest first. */
    public List<Checkpoint> list(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT checkpoint FROM audit_checkpoint ORDER BY id DESC LIMIT ?")) {
            q.setInt(1, limit);
            List<Checkpoint> result = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    result.add(Checkpoint.fromJson(rs.getString(1)));
                }
            }
            return result;
        }
    }

    /** Every key that signed a checkpoint of this log, PEM by key id. */
    public List<PublishedKey> keys() throws SQLException {
        List<PublishedKey> keys = new ArrayList<>();
        keys.add(new PublishedKey(signer.keyId(), CheckpointKeys.toPem(signer.publicKey()), true));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT key_id, public_key FROM audit_checkpoint")) {
            while (rs.next()) {
                if (!rs.getString(1).equals(signer.keyId())) {
                    keys.add(new PublishedKey(rs.getString(1), rs.getString(2), false));
                }
            }
        }
        return keys;
    }

    public record PublishedKey(String keyId, String publicKey, boolean current) {
    }

    /** Merkle proofs over the log's first {@code treeSize} events (RFC 9162 §2.1.3 and §2.1.4), hex-encoded. */
    public List<String> inclusionProof(long logseq, long treeSize) throws SQLException {
        return hex(MerkleLog.inclusionProof(leafHashes(treeSize), logseq - 1, treeSize));
    }

    public List<String> consistencyProof(long fromSize, long toSize) throws SQLException {
        return hex(MerkleLog.consistencyProof(leafHashes(toSize), fromSize, toSize));
    }

    private List<byte[]> leafHashes(long treeSize) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<byte[]> leaves = new ArrayList<>();
            for (String hash : hashes(c, treeSize)) {
                leaves.add(MerkleLog.leafHashOfEvent(hash));
            }
            c.rollback();
            return leaves;
        }
    }

    private static List<String> hashes(Connection c, long upTo) throws SQLException {
        List<String> hashes = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT hash FROM event_log WHERE logseq <= ? ORDER BY logseq")) {
            q.setFetchSize(10_000);
            q.setLong(1, upTo);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    hashes.add(rs.getString(1));
                }
            }
        }
        return hashes;
    }

    private static Optional<Checkpoint> latest(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT checkpoint FROM audit_checkpoint ORDER BY id DESC LIMIT 1")) {
            return rs.next() ? Optional.of(Checkpoint.fromJson(rs.getString(1))) : Optional.empty();
        }
    }

    private static List<String> hex(List<byte[]> proof) {
        return proof.stream().map(HexFormat.of()::formatHex).toList();
    }
}
