package org.mlaexchange.platform.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Text in request bodies is text: a control character (other than tab and line breaks) or a lone
 * surrogate is refused as the field's error (400), before anything is stored; PostgreSQL would
 * refuse a NUL anyway, after the fact.
 */
@Singleton
public class TextInput implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("mla-text-input").addDeserializer(String.class, new Deserializer()));
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
            int invalid = text == null ? -1 : firstInvalid(text);
            if (invalid >= 0) {
                throw MismatchedInputException.from(p, String.class, String.format(
                        "must not contain control characters or unpaired surrogates (U+%04X at position %d)",
                        (int) text.charAt(invalid), invalid));
            }
            return text;
        }
    }
}
