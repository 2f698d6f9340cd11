package org.mlaexchange.extradition.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.extradition.IdentifierKind;
import org.mlaexchange.contracts.extradition.PersonIdentifier;
import org.mlaexchange.contracts.extradition.PersonSought;

/** The keys a person is looked up by: persons likely the same always share one, so the lookup misses no match. */
class PersonMatchKeysTest {

    private static final LocalDate BORN = LocalDate.of(1950, 5, 12);

    @Test
    void every_likely_match_shares_a_key() {
        List<PersonSought[]> matches = List.of(
                pair(person(List.of("Carlos Méndez"), List.of(), null, id(IdentifierKind.PASSPORT, "AAB 123-456", "AR")),
                        person(List.of("Juan Pérez"), List.of(), BORN, id(IdentifierKind.PASSPORT, "aab123456", null))),
                pair(person(List.of("Carlos Alberto Méndez"), List.of("El Capitán"), BORN, null),
                        person(List.of("MENDEZ, Carlos Alberto"), List.of(), BORN, null)),
                pair(person(List.of("Carlos Alberto Méndez"), List.of("El Capitán"), BORN, null),
                        person(List.of("C. Romero"), List.of("el capitan"), BORN, null)));
        for (PersonSought[] pair : matches) {
            assertTrue(PersonMatcher.likelySame(pair[0], pair[1]));
            assertFalse(Collections.disjoint(PersonMatcher.matchKeys(pair[0]), PersonMatcher.matchKeys(pair[1])),
                    () -> PersonMatcher.matchKeys(pair[0]) + " / " + PersonMatcher.matchKeys(pair[1]));
        }
    }

    @Test
    void names_without_a_date_of_birth_and_identifiers_of_kind_other_give_no_key() {
        assertEquals(Set.of(), PersonMatcher.matchKeys(person(List.of("Carlos Méndez"), List.of("El Capitán"), null,
                id(IdentifierKind.OTHER, "123", null))));
        assertEquals(Set.of("id:PASSPORT:123456", "name:1950-05-12:carlos mendez"),
                PersonMatcher.matchKeys(person(List.of("Méndez, Carlos"), List.of(" "), BORN, id(IdentifierKind.PASSPORT, "123 456", "AR"))));
    }

    @Test
    void a_shared_key_is_only_a_candidate() {
        PersonSought argentine = person(List.of("A"), List.of(), null, id(IdentifierKind.PASSPORT, "123456", "AR"));
        PersonSought chilean = person(List.of("B"), List.of(), null, id(IdentifierKind.PASSPORT, "123456", "CL"));
        assertFalse(Collections.disjoint(PersonMatcher.matchKeys(argentine), PersonMatcher.matchKeys(chilean)));
        assertFalse(PersonMatcher.likelySame(argentine, chilean), "passports of two issuing States are two persons");
    }

    private static PersonSought[] pair(PersonSought a, PersonSought b) {
        return new PersonSought[] {a, b};
    }

    private static PersonIdentifier id(IdentifierKind kind, String value, String issuer) {
        return new PersonIdentifier(kind, value, issuer);
    }

    private static PersonSought person(List<String> names, List<String> aliases, LocalDate born, PersonIdentifier identifier) {
        return new PersonSought(names, aliases, born, null, List.of(), identifier == null ? List.of() : List.of(identifier), null, false);
    }
}
