package org.mlaexchange.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Collection;

/**
 * Text in request bodies is text: a control character (other than tab and line breaks) or a lone
 * surrogate is refused as the field's error (400), before anything is stored; PostgreSQL would
 * refuse a NUL anyway, after the fact. Fields and lists are bounded too (a body under the size limit
 * could otherwise carry one 900 KiB name or 20 000 measures into the log, which is kept for ever).
 */
@Singleton
public class TextInput implements ObjectMapperCustomizer {

    /** Longest text of one field, in UTF-16 units: some 30 pages, more than any field of a request needs. */
    public static final int MAX_TEXT = 65_536;

    /** Most entries of one list in a body (measures, persons' names, documents...). */
    public static final int MAX_ENTRIES = 1_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("mla-text-input").addDeserializer(String.class, new Deserializer())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config,
                            com.fasterxml.jackson.databind.type.CollectionType type, BeanDescription description, JsonDeserializer<?> deserializer) {
                        return new BoundedCollection(deserializer);
                    }
                }));
    }

    /** Where the text goes wrong, or -1 when it is clean. */
    public static int firstInvalid(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    static final class Deserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String text = super.deserialize(p, context);
            if (text != null && text.length() > MAX_TEXT) {
                throw MismatchedInputException.from(p, String.class, "must be at most " + MAX_TEXT + " characters long");
            }
            int invalid = text == null ? -1 : firstInvalid(text);
            if (invalid >= 0) {
                throw MismatchedInputException.from(p, String.class, String.format(
                        "must not contain control characters or unpaired surrogates (U+%04X at position %d)",
                        (int) text.charAt(invalid), invalid));
            }
            return text;
        }
    }

    /** A list deserializer that refuses more than {@link #MAX_ENTRIES} entries, as the list field's error. */
    static final class BoundedCollection extends DelegatingDeserializer {

        BoundedCollection(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new BoundedCollection(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
            Object value = super.deserialize(p, context);
            if (value instanceof Collection<?> list && list.size() > MAX_ENTRIES) {
                throw MismatchedInputException.from(p, Collection.class, "must have at most " + MAX_ENTRIES + " entries");
            }
            return value;
        }
    }
}
