package org.mlaexchange.platform.seal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.seal.ErasureReason;
import org.mlaexchange.contracts.seal.PersonalData;
import org.mlaexchange.contracts.seal.SealedText;

/**
 * The data key of each case (AES-256, one per case, made on its first personal text), kept wrapped by
 * the service's {@link KeyEncryptionKey} in {@code case_data_key}: personal data is sealed with it before
 * an event enters the log, opened with it for the parties' views, and erased by destroying it.
 * Keys are unwrapped for each use and never cached, so an erasure holds at once in every instance.
 */
@ApplicationScoped
public class CaseDataKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** When and why a case's data key was destroyed; {@code erasedBy} is null for an operator's retention rule. */
    public record Erasure(StateCode erasedBy, ErasureReason reason, Instant erasedAt) {
    }

    private record DataKey(String id, SecretKey key) {
    }

    private final EntityManager entityManager;
    private final KeyEncryptionKey kek;
    private final Clock clock;

    public CaseDataKeys(EntityManager entityManager, KeyEncryptionKey kek, Clock clock) {
        this.entityManager = entityManager;
        this.kek = kek;
        this.clock = clock;
    }

    /**
     * The event data of {@code payload} as it enters the log: its personal texts sealed with the case's
     * data key, made here on the first one. Payloads whose contract does not seal are returned in clear.
     * For the first event of a case ({@code newCase}) the key is made without looking for one: a case
     * with no event has no key row (and cannot have been erased).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public JsonNode seal(String caseId, Object payload, boolean newCase) {
        JsonNode data = EventJson.toData(payload);
        if (!PersonalData.sealed(payload.getClass())) {
            return data;
        }
        DataKey[] key = new DataKey[1];
        return PersonalData.seal(payload.getClass(), data, text -> {
            if (key[0] == null) {
                key[0] = newCase ? newKey(caseId) : keyForSealing(caseId);
            }
            return SealedText.seal(key[0].key(), key[0].id(), caseId, text);
        });
    }

    /** The events of one case with their personal data opened; where the key was destroyed, {@code "erased"}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CloudEvent> open(String caseId, List<CloudEvent> events) {
        UnaryOperator<String> opener = opener(caseId);
        return events.stream().map(event -> {
            return with(event, PersonalData.open(event.data(), opener));
        }).toList();
    }

    /**
     * As {@link #open(String, List)}; once the case's key is destroyed every personal text reads {@code "erased"},
     * those of events stored in clear before sealing too (read as {@code payloadClass} of their type says).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CloudEvent> open(String caseId, List<CloudEvent> events, Function<String, Class<?>> payloadClass) {
        if (events.isEmpty() || erasure(caseId).isEmpty()) {
            return open(caseId, events);
        }
        return events.stream().map(event -> {
            Class<?> type = payloadClass.apply(event.type());
            return with(event, PersonalData.sealed(type) ? PersonalData.seal(type, event.data(), text -> SealedText.ERASED)
                    : PersonalData.open(event.data(), text -> SealedText.ERASED));
        }).toList();
    }

    private static CloudEvent with(CloudEvent event, JsonNode data) {
        return data == event.data() ? event : new CloudEvent(event.specversion(), event.id(), event.source(), event.type(),
                event.subject(), event.time(), event.datacontenttype(), event.actorstate(), event.caseseq(), event.logseq(),
                event.prevhash(), event.hash(), data);
    }

    /** Opens the sealed texts of one case: the key is looked up once, on the first one. */
    private UnaryOperator<String> opener(String caseId) {
        Object[] key = new Object[1];
        return sealed -> {
            if (key[0] == null) {
                key[0] = load(caseId).<Object>map(k -> k).orElse(Boolean.FALSE);
            }
            if (!(key[0] instanceof DataKey k)) {
                return SealedText.ERASED;
            }
            if (!k.id().equals(SealedText.keyId(sealed))) {
                throw new IllegalStateException("a text of case " + caseId + " is sealed with key " + SealedText.keyId(sealed)
                        + ", not the case's key " + k.id());
            }
            return SealedText.open(k.key(), caseId, sealed);
        };
    }

    /** Whether and how the case's personal data was erased. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Erasure> erasure(String caseId) {
        List<?> rows = keyTable("SELECT erased_by, erasure_reason, erased_at FROM case_data_key WHERE case_id = ?1 AND erased_at IS NOT NULL")
                .setParameter(1, caseId).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return new Erasure(r[0] == null ? null : StateCode.of((String) r[0]), ErasureReason.valueOf((String) r[1]), instant(r[2]));
        });
    }

    /**
     * Destroys the case's data key in the caller's transaction: from its commit, no sealed text of the
     * case opens, wherever a copy of it is. A case that never had personal data gets an erased row, so
     * none can be sealed for it later.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void destroy(String caseId, StateCode erasedBy, ErasureReason reason, Instant at) {
        keyTable("""
                        INSERT INTO case_data_key (case_id, key_id, kek_id, wrapped_key, created_at, erased_at, erased_by, erasure_reason)
                        VALUES (?1, '-', ?2, NULL, ?3, ?3, ?4, ?5)
                        ON CONFLICT (case_id) DO UPDATE SET wrapped_key = NULL, erased_at = excluded.erased_at,
                            erased_by = excluded.erased_by, erasure_reason = excluded.erasure_reason
                        WHERE case_data_key.erased_at IS NULL""")
                .setParameter(1, caseId).setParameter(2, kek.id()).setParameter(3, Timestamp.from(at))
                .setParameter(4, erasedBy == null ? null : erasedBy.value()).setParameter(5, reason.name())
                .executeUpdate();
    }

    private DataKey keyForSealing(String caseId) {
        // one look at the case's row tells both whether it has a key and whether it was erased
        Object[] row = keyRow(caseId);
        if (row != null && row[3] != null) {
            throw new IllegalStateException("the personal data of case " + caseId + " was erased: nothing personal is recorded for it again");
        }
        return row != null ? unwrapped(caseId, row) : newKey(caseId);
    }

    private DataKey newKey(String caseId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        String keyId = HexFormat.of().formatHex(id);
        byte[] wrapped = kek.wrap(raw, context(caseId, keyId));
        jdbc(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO case_data_key (case_id, key_id, kek_id, wrapped_key, created_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, caseId);
                insert.setString(2, keyId);
                insert.setString(3, kek.id());
                insert.setBytes(4, wrapped);
                insert.setTimestamp(5, Timestamp.from(clock.instant()));
                return insert.executeUpdate();
            }
        });
        return new DataKey(keyId, new SecretKeySpec(raw, "AES"));
    }

    private Optional<DataKey> load(String caseId) {
        Object[] row = keyRow(caseId);
        return row == null || row[2] == null ? Optional.empty() : Optional.of(unwrapped(caseId, row));
    }

    /** The case's row: key id, KEK id, wrapped key (null once destroyed), erased at; null when it has none. */
    private Object[] keyRow(String caseId) {
        return jdbc(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT key_id, kek_id, wrapped_key, erased_at FROM case_data_key WHERE case_id = ?")) {
                query.setString(1, caseId);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getTimestamp(4)} : null;
                }
            }
        });
    }

    /**
     * JDBC on the transaction's own connection, for the write path's statements on the key table: no entity maps it, so
     * Hibernate has nothing to flush or clean up around them, and its native-query work (parsing the SQL, the bulk
     * clean-up it schedules) took four fifths of the samples of making a case's key (docs/benchmarks.md, session 10).
     */
    private <T> T jdbc(ReturningWork<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work);
    }

    private DataKey unwrapped(String caseId, Object[] row) {
        String keyId = (String) row[0];
        return new DataKey(keyId, new SecretKeySpec(kek.unwrap((byte[]) row[2], (String) row[1], context(caseId, keyId)), "AES"));
    }

    /**
     * A statement on {@code case_data_key} alone: no entity maps that table, so the entities the unit changed need
     * not be flushed before it. A native query otherwise flushes the whole session first: on the write path that
     * flush, once per sealed event, took a fifth of the writer thread's CPU samples (docs/benchmarks.md).
     */
    private jakarta.persistence.Query keyTable(String sql) {
        return entityManager.createNativeQuery(sql).unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("case_data_key");
    }

    /** One batch of {@link #rewrap}: the rows re-wrapped, those whose key-encryption key is not held (by its id), the last case seen. */
    public record Rewrapped(int rewrapped, Map<String, Integer> notHeld, String lastCaseId) {
    }

    /**
     * Re-wraps under the current key-encryption key up to {@code limit} data keys still wrapped by another,
     * after {@code afterCaseId} in case id order, in the caller's transaction. Destroyed keys (erased cases)
     * have nothing to re-wrap; a row under a key this service no longer holds is counted and left as it is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Rewrapped rewrap(String afterCaseId, int limit) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT case_id, key_id, kek_id, wrapped_key FROM case_data_key
                        WHERE wrapped_key IS NOT NULL AND kek_id <> ?1 AND case_id > ?2 ORDER BY case_id LIMIT ?3 FOR UPDATE""")
                .setParameter(1, kek.id()).setParameter(2, afterCaseId).setParameter(3, limit).getResultList();
        int rewrapped = 0;
        Map<String, Integer> notHeld = new TreeMap<>();
        String last = afterCaseId;
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String caseId = (String) r[0];
            String keyId = (String) r[1];
            String kekId = (String) r[2];
            last = caseId;
            byte[] raw;
            try {
                raw = kek.unwrap((byte[]) r[3], kekId, context(caseId, keyId));
            } catch (IllegalStateException e) {
                notHeld.merge(kekId, 1, Integer::sum);
                continue;
            }
            entityManager.createNativeQuery("UPDATE case_data_key SET kek_id = ?1, wrapped_key = ?2 WHERE case_id = ?3 AND wrapped_key IS NOT NULL")
                    .setParameter(1, kek.id()).setParameter(2, kek.wrap(raw, context(caseId, keyId))).setParameter(3, caseId)
                    .executeUpdate();
            rewrapped++;
        }
        return new Rewrapped(rewrapped, notHeld, rows.size() < limit ? null : last);
    }

    /** How many data keys each key-encryption key wraps now (destroyed keys not counted). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> wrappedByKek() {
        Map<String, Long> counts = new TreeMap<>();
        for (Object row : entityManager.createNativeQuery(
                "SELECT kek_id, count(*) FROM case_data_key WHERE wrapped_key IS NOT NULL GROUP BY kek_id").getResultList()) {
            Object[] r = (Object[]) row;
            counts.put((String) r[0], ((Number) r[1]).longValue());
        }
        return counts;
    }

    /** What a wrapped key is bound to: moved to another case's row, it does not unwrap. */
    public static String context(String caseId, String keyId) {
        return "mla-case-data-key.v1:" + caseId + ":" + keyId;
    }

    static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }
}
