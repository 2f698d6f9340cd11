package org.mlaexchange.console.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Every label and message of the console in English, French and Spanish
 * ({@code messages/console_<lang>.properties}). Templates read them as {@code t.key}.
 */
@ApplicationScoped
public class Texts {

    public static final List<String> LANGUAGES = List.of("en", "fr", "es");
    public static final String COOKIE = "mla-lang";

    private final Map<String, Map<String, String>> byLanguage = new HashMap<>();

    public Texts() {
        for (String lang : LANGUAGES) {
            ResourceBundle bundle = ResourceBundle.getBundle("messages/console", Locale.forLanguageTag(lang),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Map<String, String> texts = new HashMap<>();
            for (String key : bundle.keySet()) {
                texts.put(key, bundle.getString(key));
            }
            byLanguage.put(lang, Collections.unmodifiableMap(texts));
        }
    }

    public Map<String, String> of(String lang) {
        return byLanguage.get(supported(lang));
    }

    /** The language asked for if the console speaks it, else English. */
    public static String supported(String lang) {
        return lang != null && LANGUAGES.contains(lang) ? lang : "en";
    }

    /** The officer's language: the remembered choice, else the browser's first supported one. */
    public static String choose(String cookie, List<Locale> accepted) {
        if (cookie != null && LANGUAGES.contains(cookie)) {
            return cookie;
        }
        for (Locale l : accepted) {
            if (LANGUAGES.contains(l.getLanguage())) {
                return l.getLanguage();
            }
        }
        return "en";
    }

    public String text(String lang, String key) {
        return of(lang).getOrDefault(key, key);
    }
}
