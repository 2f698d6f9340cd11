package org.mlaexchange.extradition.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.extradition.IdentifierKind;
import org.mlaexchange.contracts.extradition.PersonIdentifier;
import org.mlaexchange.contracts.extradition.PersonSought;

/** Whether two descriptions are likely the same person: a shared identifier, or a shared name with the same date of birth. */
class PersonMatcherTest {

    private static final LocalDate BORN = LocalDate.of(1950, 5, 12);

    @Test
    void a_shared_identifier_is_enough_whatever_the_names() {
        PersonSought a = person(List.of("Carlos Méndez"), List.of(), null, new PersonIdentifier(IdentifierKind.PASSPORT, "AAB 123-456", "AR"));
        PersonSought b = person(List.of("Juan Pérez"), List.of(), BORN, new PersonIdentifier(IdentifierKind.PASSPORT, "aab123456", null));

        assertTrue(PersonMatcher.likelySame(a, b));
        assertTrue(PersonMatcher.likelySame(b, a));
    }

    @Test
    void identifiers_of_another_kind_or_issuer_or_of_kind_other_do_not_match() {
        PersonIdentifier passport = new PersonIdentifier(IdentifierKind.PASSPORT, "123456", "AR");
        PersonSought a = person(List.of("A"), List.of(), null, passport);

        assertFalse(PersonMatcher.likelySame(a, person(List.of("B"), List.of(), null,
                new PersonIdentifier(IdentifierKind.NATIONAL_IDENTITY_NUMBER, "123456", "AR"))));
        assertFalse(PersonMatcher.likelySame(a, person(List.of("B"), List.of(), null,
                new PersonIdentifier(IdentifierKind.PASSPORT, "123456", "CL"))));
        PersonIdentifier other = new PersonIdentifier(IdentifierKind.OTHER, "123456", null);
        assertFalse(PersonMatcher.likelySame(person(List.of("A"), List.of(), null, other), person(List.of("B"), List.of(), null, other)));
    }

    @Test
    void a_shared_name_or_alias_matches_with_the_same_date_of_birth() {
        PersonSought warrant = person(List.of("Carlos Alberto Méndez"), List.of("El Capitán"), BORN, null);

        assertTrue(PersonMatcher.likelySame(warrant, person(List.of("MENDEZ, Carlos Alberto"), List.of(), BORN, null)),
                "case, accents, punctuation and order of the parts do not count");
        assertTrue(PersonMatcher.likelySame(warrant, person(List.of("C. Romero"), List.of("el capitan"), BORN, null)), "alias to alias");
        assertTrue(PersonMatcher.likelySame(warrant, person(List.of("El Capitán"), List.of(), BORN, null)), "alias to name");
    }

    @Test
    void names_alone_are_not_enough() {
        PersonSought warrant = person(List.of("Carlos Alberto Méndez"), List.of(), BORN, null);

        assertFalse(PersonMatcher.likelySame(warrant, person(List.of("Carlos Alberto Méndez"), List.of(), null, null)), "no date of birth");
        assertFalse(PersonMatcher.likelySame(warrant, person(List.of("Carlos Alberto Méndez"), List.of(), BORN.plusDays(1), null)),
                "another date of birth");
        assertFalse(PersonMatcher.likelySame(warrant, person(List.of("Carlos Méndez"), List.of(), BORN, null)), "another name");
    }

    @Test
    void names_are_normalised() {
        assertEquals("alberto carlos mendez", PersonMatcher.normaliseName("  Méndez,  CARLOS-Alberto "));
        assertEquals(PersonMatcher.normaliseName("Jørgen Strauß"), PersonMatcher.normaliseName("Strauss, Jorgen"));
        assertEquals(PersonMatcher.normaliseName("O'Brien Seán"), PersonMatcher.normaliseName("Sean OBrien"));
        assertEquals("", PersonMatcher.normaliseName(" - "));
        assertEquals("", PersonMatcher.normaliseName(null));
    }

    @Test
    void blank_names_never_match() {
        assertFalse(PersonMatcher.likelySame(person(List.of(" "), List.of(), BORN, null), person(List.of("-"), List.of(), BORN, null)));
    }

    private static PersonSought person(List<String> names, List<String> aliases, LocalDate born, PersonIdentifier identifier) {
        return new PersonSought(names, aliases, born, null, List.of(), identifier == null ? List.of() : List.of(identifier), null, false);
    }
}
