package org.mlaexchange.platform.disclosure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.mlaexchange.contracts.events.ChainVerifier;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.platform.audit.EventDisclosure;
import org.mlaexchange.platform.identity.Caller;

/**
 * The audit replay under {@link DisclosurePolicy}: an event that may carry withheld data is parsed,
 * redacted for the reader's {@link Audience}, and marked {@value ChainVerifier#REDACTED} with the reason;
 * it keeps its {@code hash}, so verifiers check it by its place in the chain and the signed Merkle root.
 * Events that cannot carry such data are passed on as stored, unparsed.
 */
public abstract class PolicyReplay implements EventDisclosure {

    private final AgroalDataSource dataSource;

    /** @param dataSource the service's own database, for what an event does not say itself (see {@link #flag}) */
    protected PolicyReplay(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String forReader(Caller caller, String parties, String eventJson) {
        Audience audience = Audience.of(caller, EventDisclosure.isParty(caller, parties));
        if (!mayCarry(audience, eventJson)) {
            return eventJson;
        }
        ObjectNode event = (ObjectNode) EventJson.tree(eventJson);
        String reason = redact(caller, audience, event);
        if (reason == null) {
            return eventJson;
        }
        event.put(ChainVerifier.REDACTED, reason);
        return event.toString();
    }

    /** A cheap look at the stored text: whether this event may carry anything this audience must not see. */
    protected abstract boolean mayCarry(Audience audience, String eventJson);

    /** Redacts the parsed event in place for the audience; returns the mark, or {@code null} if nothing was withheld. */
    protected abstract String redact(Caller caller, Audience audience, ObjectNode event);

    /**
     * A fact of the event's case that the event does not carry (a flag set by an earlier event): the first
     * column of the first row of {@code sql}, or {@code ifNone} when there is no row.
     */
    protected boolean flag(boolean ifNone, String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : ifNone;
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("disclosure lookup failed", e));
        }
    }
}
