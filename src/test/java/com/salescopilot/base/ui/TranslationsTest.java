package com.salescopilot.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.security.Role;
import com.salescopilot.session.InteractionType;
import com.salescopilot.session.LostReason;
import com.salescopilot.session.Outcome;
import com.salescopilot.session.SessionStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every string the UI shows exists in English and in Polish. */
class TranslationsTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndPolishHaveTheSameKeys() throws IOException {
        Properties en = load("translations.properties");
        Properties pl = load("translations_pl.properties");
        assertThat(new TreeSet<>(pl.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        assertThat(pl.stringPropertyNames()).allMatch(k -> !pl.getProperty(k).isBlank());
    }

    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Properties en = load("translations.properties");
        Set<String> used = new HashSet<>();
        Pattern literal = Pattern.compile("(?:getTranslation\\(|title = )\"([a-z][a-z0-9.-]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1)); // "prefix." + code keys are listed below
                    }
                }
            }
        }
        for (SessionStatus s : SessionStatus.values()) used.add("status." + s.code());
        for (Outcome o : Outcome.values()) {
            used.add("outcome." + o.code());
            used.add("outcome.long." + o.code());
        }
        for (LostReason r : LostReason.values()) used.add("reason." + r.code());
        for (InteractionType t : InteractionType.values()) used.add("interaction.type." + t.code());
        for (Role r : Role.values()) used.add("role." + r.name().toLowerCase(Locale.ROOT));
        assertThat(used).isNotEmpty().allMatch(en::containsKey, "is in translations.properties");
    }
}
