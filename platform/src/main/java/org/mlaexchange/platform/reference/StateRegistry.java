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
 * The States Parties, from when the Convention binds each (ratification, entry into force, provisional
 * application), their languages, dated annex declarations and reservations: versioned reference data
 * read from {@code mla.reference-data}, checked when a case is created, never hard-coded in a state machine.
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

    /** Whether the State is in the reference data at all (a known State; whether the Convention binds it depends on the date). */
    public boolean isKnown(StateCode code) {
        return byCode.containsKey(code);
    }

    /**
     * Whether the Convention binds the State on that day: it entered into force for it, or the State
     * applies it provisionally. A request needs both States bound on the day it is submitted.
     */
    public boolean isStateParty(StateCode code, LocalDate on) {
        return find(code).map(s -> s.boundOn(on)).orElse(false);
    }

    /** Why the Convention does not bind the State on that day, a sentence for the central authority; empty when it does. */
    public Optional<String> notStatePartyReason(StateCode code, LocalDate on) {
        return find(code).map(s -> s.notBoundReason(on)).orElse(Optional.of(code + " is not in the reference data of the States Parties"))
                .map(reason -> code + " is not a State Party on " + on + ": " + reason);
    }

    /**
     * The States a case of {@code state} may involve on that day: the Convention binds both of them (as a request
     * needs on the day it is submitted), {@code state} itself excluded; none while the Convention does not bind it.
     */
    public List<StateParty> inForceWith(StateCode state, LocalDate on) {
        if (!isStateParty(state, on)) {
            return List.of();
        }
        return data.states().stream().filter(s -> !s.code().equals(state) && s.boundOn(on)).toList();
    }

    public boolean accepts(StateCode state, String language) {
        return find(state).map(s -> s.accepts(language)).orElse(false);
    }

    public boolean annexInForce(StateCode state, String annex, LocalDate on) {
        return find(state).map(s -> s.annexInForce(annex, on)).orElse(false);
    }

    static ReferenceData load(String resource) {
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
