package org.mlaexchange.platform.reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.platform.PlatformConfig;

/**
 * The States Parties, their languages and annex declarations: versioned reference data read from
 * {@code mla.reference-data}, checked when a case is created, never hard-coded in a state machine.
 */
@ApplicationScoped
public class StateRegistry {

    private final ReferenceData data;
    private final Map<StateCode, StateParty> byCode;

    public StateRegistry(PlatformConfig config) {
        this.data = load(config.referenceData());
        this.byCode = data.states().stream().collect(Collectors.toUnmodifiableMap(StateParty::code, Function.identity()));
    }

    public record ReferenceData(String version, List<Annex> annexes, List<StateParty> states) {
    }

    /** An annex of crimes a State may declare; {@code confirmed} is false where the text was not at hand. */
    public record Annex(String code, String title, boolean confirmed) {
    }

    public ReferenceData data() {
        return data;
    }

    public Optional<StateParty> find(StateCode code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public boolean isStateParty(StateCode code) {
        return byCode.containsKey(code);
    }

    public boolean accepts(StateCode state, String language) {
        return find(state).map(s -> s.accepts(language)).orElse(false);
    }

    public boolean annexInForce(StateCode state, String annex, LocalDate on) {
        return find(state).map(s -> s.annexInForce(annex, on)).orElse(false);
    }

    private static ReferenceData load(String resource) {
        ObjectMapper mapper = EventJson.mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("reference data " + resource + " not found on the classpath");
            }
            return mapper.readValue(in, ReferenceData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("reference data " + resource + " is not valid", e);
        }
    }
}
