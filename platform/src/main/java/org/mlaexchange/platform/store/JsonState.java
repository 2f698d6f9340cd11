package org.mlaexchange.platform.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.mlaexchange.contracts.events.EventJson;

/** A case's live state (the fold of its events) as the JSON kept in its table, with the event mapping. */
public final class JsonState {

    private JsonState() {
    }

    public static String write(Object state) {
        try {
            return EventJson.mapper().writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("state is not serialisable: " + state.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
