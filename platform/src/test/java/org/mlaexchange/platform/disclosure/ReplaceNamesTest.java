package org.mlaexchange.platform.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.EventJson;

/** A protected person's name in free text, anywhere in a view, gives way to the label that stands for them. */
class ReplaceNamesTest {

    private static JsonNode json(String text) {
        return EventJson.tree(text.replace('\'', '"'));
    }

    @Test
    void everyTextOfTheViewWhateverItsDepthAndCase() {
        JsonNode view = json("{'facts': 'Seen by amina k. and by Amina K.', 'notes': ['Ask AMINA K. again', 3],"
                + " 'measure': {'specifics': 'Hear Amina K. (and Jo)', 'count': 1}}");
        assertTrue(DisclosurePolicy.replaceNames(view, Map.of("Amina K.", "Protected person 1", "Jo", "Protected person 2")));
        assertEquals(json("{'facts': 'Seen by Protected person 1 and by Protected person 1',"
                + " 'notes': ['Ask Protected person 1 again', 3], 'measure': {'specifics': 'Hear Protected person 1 (and Jo)', 'count': 1}}"),
                view, "a name shorter than three characters is left: it would match ordinary words");
    }

    @Test
    void wholeWordsOnlyAndTheLongestNameFirst() {
        JsonNode view = json("{'a': 'Banana split', 'b': 'Ana Maria Lopez met Ana'}");
        assertTrue(DisclosurePolicy.replaceNames(view, Map.of("Ana", "[P2]", "Ana Maria Lopez", "[P1]")));
        assertEquals(json("{'a': 'Banana split', 'b': '[P1] met [P2]'}"), view);
    }

    @Test
    void nothingToHideChangesNothing() {
        JsonNode view = json("{'facts': 'The identity was erased', 'persons': [{'identity': 'erased'}]}");
        JsonNode before = view.deepCopy();
        assertFalse(DisclosurePolicy.replaceNames(view, Map.of("erased", "Protected person 1")),
                "after an erasure the identity reads 'erased': that word is not a name");
        assertFalse(DisclosurePolicy.replaceNames(view, Map.of()));
        assertEquals(before, view);
    }

    @Test
    void oneSetOfStandInsServesEveryEventOfAHistory() {
        DisclosurePolicy.StandIns names = DisclosurePolicy.standIns(Map.of("Amina K.", "Protected person 1"));
        JsonNode first = json("{'facts': 'Seen by Amina K.'}");
        JsonNode second = json("{'reason': 'amina k. fled'}");
        JsonNode third = json("{'reason': 'no name here'}");
        assertTrue(names.replaceIn(first));
        assertTrue(names.replaceIn(second));
        assertFalse(names.replaceIn(third));
        assertEquals(json("{'facts': 'Seen by Protected person 1'}"), first);
        assertEquals(json("{'reason': 'Protected person 1 fled'}"), second);
        assertFalse(names.isEmpty());
        assertTrue(DisclosurePolicy.standIns(Map.of("erased", "Protected person 1", "Jo", "Protected person 2")).isEmpty(),
                "no name long enough to look for: nothing to replace");
    }
}
