package org.mlaexchange.contracts.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.PlainContracts;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.EventJson;

class SpontaneousInformationEventTypesTest {

    private static final List<Class<?>> EVENT_CLASSES = Arrays.asList(SpontaneousInformationEvent.class.getPermittedSubclasses());

    @Test
    void every_event_has_its_own_stable_type_apart_from_the_request_events() {
        Set<String> types = new HashSet<>();
        for (Class<?> eventClass : EVENT_CLASSES) {
            String type = SpontaneousInformationEventTypes.typeOf(eventClass);
            assertTrue(type.matches("org\\.mlaexchange\\.request\\.spontaneous-information\\.[a-z]+(-[a-z]+)*\\.v[0-9]+"), type);
            assertTrue(types.add(type), "duplicate type " + type);
            assertEquals(eventClass, SpontaneousInformationEventTypes.classOf(type));
            // consumers of request events (evidence's and extradition's projections) pass these by
            assertFalse(RequestEventTypes.all().contains(type), type);
        }
        assertEquals(types, SpontaneousInformationEventTypes.all());
        assertEquals("org.mlaexchange.request.spontaneous-information.sent.v1",
                SpontaneousInformationEventTypes.typeOf(SpontaneousInformationEvent.Sent.class));
        assertThrows(IllegalArgumentException.class, () -> SpontaneousInformationEventTypes.classOf(RequestEventTypes.SUBMITTED));
        assertThrows(IllegalArgumentException.class, () -> SpontaneousInformationEventTypes.typeOf(RequestEvent.Submitted.class));
    }

    @Test
    void a_sent_event_survives_a_json_round_trip_by_its_type() {
        SpontaneousInformation information = new SpontaneousInformation(new Authority("Landelijk Parket", null), "Mass grave",
                "A witness placed the site near the river", null, List.of(new PersonConcerned("W1", "Utrecht", "AR", true)),
                new ContactPerson("J. de Vries", "jdevries@nl.demo", null), "en");
        SpontaneousInformationEvent.Sent sent = new SpontaneousInformationEvent.Sent(UUID.randomUUID(), StateCode.of("NL"),
                StateCode.of("AR"), information, new UseConditions("Investigation CFP 1/2024", List.of("No use in civil proceedings"),
                true, "Ongoing investigation"), List.of(UUID.randomUUID()), Instant.parse("2026-03-02T09:00:00Z"));
        Object back = EventJson.fromData(EventJson.toData(sent), SpontaneousInformationEventTypes.classOf(SpontaneousInformationEventTypes.SENT));
        assertEquals(sent, back);
    }

    @Test
    void contracts_hold_no_floating_point_or_optional_values() {
        EVENT_CLASSES.forEach(PlainContracts::assertPlain);
    }
}
