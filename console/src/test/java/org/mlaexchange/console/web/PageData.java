package org.mlaexchange.console.web;

import java.util.HashMap;
import java.util.Map;
import org.mlaexchange.console.i18n.Texts;

/** What every page's layout reads (as Visit adds it), for rendering a template in a test: NL's officer signed in. */
final class PageData {

    private PageData() {
    }

    static Map<String, Object> base(Map<String, String> t, String lang, String path) {
        Map<String, Object> data = new HashMap<>();
        data.put("t", t);
        data.put("lang", lang);
        data.put("languages", Texts.LANGUAGES);
        data.put("csrf", "c");
        data.put("path", path);
        data.put("officer", Map.of("realm", "nl", "state", "NL", "name", "officer", "centralAuthority", true, "role", "officer"));
        return data;
    }
}
