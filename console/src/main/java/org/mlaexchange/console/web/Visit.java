package org.mlaexchange.console.web;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import java.util.Map;
import org.mlaexchange.console.i18n.Texts;

/**
 * What every page of one HTTP exchange shares: the officer's language, the CSRF token, and the
 * template engine with the common data (texts, officer, token).
 */
@RequestScoped
public class Visit {

    private final Engine engine;
    private final Texts texts;
    private String lang = "en";
    private String csrf;
    private boolean newCsrf;
    private String path = "/";
    private final Map<String, String> addedTexts = new java.util.HashMap<>();
    private boolean statesUnavailable;
    private boolean noStateInForce;

    public Visit(Engine engine, Texts texts) {
        this.engine = engine;
        this.texts = texts;
    }

    /** Set once per exchange by {@link VisitFilters} (through methods: this bean is reached through a proxy). */
    void begin(String lang, String csrf, boolean newCsrf, String path) {
        this.lang = lang;
        this.csrf = csrf;
        this.newCsrf = newCsrf;
        this.path = path;
    }

    boolean newCsrf() {
        return newCsrf;
    }

    public String lang() {
        return lang;
    }

    public String csrf() {
        return csrf;
    }

    public String text(String key) {
        return texts.text(lang, key);
    }

    /** Texts this exchange adds to the bundle's (the names of the States the registry listed). */
    void addTexts(Map<String, String> more) {
        addedTexts.putAll(more);
    }

    /** The list of States could not be read: the page says so. */
    void statesUnavailable() {
        statesUnavailable = true;
    }

    /** The registry lists no State with which the Convention is in force for the officer's State today: the page says so. */
    void noStateInForce() {
        noStateInForce = true;
    }

    /** The texts of the page: the bundle's in the officer's language and those this exchange added. */
    Map<String, String> texts() {
        if (addedTexts.isEmpty()) {
            return texts.of(lang);
        }
        Map<String, String> all = new java.util.HashMap<>(texts.of(lang));
        all.putAll(addedTexts);
        return all;
    }

    /** A page: the template with the common data and whatever the page adds. */
    public TemplateInstance page(String template, Officer officer, Map<String, ?> data) {
        TemplateInstance page = engine.getTemplate(template).instance()
                .data("t", texts())
                .data("statesUnavailable", statesUnavailable)
                .data("noStateInForce", noStateInForce)
                .data("lang", lang)
                .data("languages", Texts.LANGUAGES)
                .data("csrf", csrf)
                .data("path", path)
                .data("officer", officer);
        data.forEach(page::data);
        return page;
    }

    /** Every form write carries the CSRF token of the cookie; anything else is refused. */
    public void checkCsrf(String submitted) {
        if (newCsrf || !Csrf.matches(csrf, submitted)) {
            throw new ForbiddenException("CSRF token missing or wrong");
        }
    }
}
