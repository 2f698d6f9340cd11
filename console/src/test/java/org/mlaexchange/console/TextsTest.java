package org.mlaexchange.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text exists in English, French and Spanish, and every text a template names exists. */
class TextsTest {

    private static Properties load(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/messages/console_" + lang + ".properties");
             var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        Set<String> en = new TreeSet<>(load("en").stringPropertyNames());
        for (String lang : new String[] {"fr", "es"}) {
            assertEquals(en, new TreeSet<>(load(lang).stringPropertyNames()), "keys of console_" + lang);
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> en = load("en").stringPropertyNames();
        Pattern plain = Pattern.compile("\\bt\\.([a-zA-Z]+)\\b(?!\\()");
        Pattern composed = Pattern.compile("t\\.k\\('([a-zA-Z]+)', *'([^']+)'\\)");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates"))) {
            for (Path f : files.toList()) {
                String html = Files.readString(f);
                Matcher m = plain.matcher(html);
                while (m.find()) {
                    if (!m.group(1).equals("k") && !m.group(1).equals("get") && !en.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
                Matcher c = composed.matcher(html);
                while (c.find()) {
                    String key = c.group(1) + "." + c.group(2);
                    if (!en.contains(key) && !en.contains(key.replaceAll("\\.\\d+\\.", "."))) {
                        missing.add(f.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "texts missing from console_en: " + missing);
    }
}
