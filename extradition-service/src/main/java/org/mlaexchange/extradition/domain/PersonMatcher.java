package org.mlaexchange.extradition.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.mlaexchange.contracts.extradition.IdentifierKind;
import org.mlaexchange.contracts.extradition.PersonIdentifier;
import org.mlaexchange.contracts.extradition.PersonSought;

/**
 * Whether two descriptions of a person sought are likely the same person: used to find concurrent
 * requests for one person (model ECE 17) and to link requests about them. Pure. Two persons are likely
 * the same when
 * <ul>
 * <li>they share an identifier: same kind (not OTHER), same value once normalised, and not issued by
 *     two different States; or</li>
 * <li>a name or alias of one equals a name or alias of the other once normalised (case, accents,
 *     punctuation and the order of the parts do not count), and both give the same date of birth.</li>
 * </ul>
 * A name without a date of birth on both sides is not enough: names alone are too often shared.
 */
public final class PersonMatcher {

    private PersonMatcher() {
    }

    public static boolean likelySame(PersonSought a, PersonSought b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return shareIdentifier(a, b) || shareNameAndDateOfBirth(a, b);
    }

    /**
     * Keys to look a person up by: two persons {@link #likelySame} always share at least one key (an
     * identifier, or a name or alias with the date of birth). A shared key makes a candidate, not a match:
     * {@link #likelySame} still decides (e.g. on the issuing States of an identifier).
     */
    public static Set<String> matchKeys(PersonSought p) {
        Objects.requireNonNull(p, "p");
        Set<String> keys = new TreeSet<>();
        for (PersonIdentifier id : p.identifiers()) {
            if (id != null && id.kind() != null && id.kind() != IdentifierKind.OTHER) {
                String value = normaliseIdentifier(id.value());
                if (!value.isEmpty()) {
                    keys.add("id:" + id.kind() + ":" + value);
                }
            }
        }
        if (p.dateOfBirth() != null) {
            names(p).forEach(name -> keys.add("name:" + p.dateOfBirth() + ":" + name));
        }
        return keys;
    }

    /**
     * A name reduced to what identifies it: lower case, without accents or punctuation, its parts in
     * alphabetical order ("García López, Juan" and "JUAN GARCIA-LOPEZ" give the same).
     */
    public static String normaliseName(String name) {
        if (name == null) {
            return "";
        }
        String s = name.toLowerCase(Locale.ROOT)
                .replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o")
                .replace("đ", "d").replace("ł", "l").replace("ı", "i").replace("þ", "th")
                .replaceAll("['’`]", "");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return Arrays.stream(s.split("[^\\p{L}\\p{N}]+"))
                .filter(part -> !part.isEmpty())
                .sorted()
                .collect(Collectors.joining(" "));
    }

    private static boolean shareIdentifier(PersonSought a, PersonSought b) {
        for (PersonIdentifier x : a.identifiers()) {
            for (PersonIdentifier y : b.identifiers()) {
                if (sameIdentifier(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameIdentifier(PersonIdentifier x, PersonIdentifier y) {
        if (x == null || y == null || x.kind() == null || x.kind() == IdentifierKind.OTHER || x.kind() != y.kind()) {
            return false;
        }
        if (x.issuingState() != null && y.issuingState() != null && !x.issuingState().equals(y.issuingState())) {
            return false;
        }
        String value = normaliseIdentifier(x.value());
        return !value.isEmpty() && value.equals(normaliseIdentifier(y.value()));
    }

    private static String normaliseIdentifier(String value) {
        return value == null ? "" : value.toUpperCase(Locale.ROOT).replaceAll("[\\s./-]", "");
    }

    private static boolean shareNameAndDateOfBirth(PersonSought a, PersonSought b) {
        if (a.dateOfBirth() == null || !a.dateOfBirth().equals(b.dateOfBirth())) {
            return false;
        }
        Set<String> names = names(a);
        return names(b).stream().anyMatch(names::contains);
    }

    private static Set<String> names(PersonSought p) {
        Set<String> names = Stream.concat(p.names().stream(), p.aliases().stream())
                .map(PersonMatcher::normaliseName)
                .collect(Collectors.toCollection(HashSet::new));
        names.remove("");
        return names;
    }
}
