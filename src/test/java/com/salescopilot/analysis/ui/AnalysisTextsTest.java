package com.salescopilot.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.ai.AiFailureReason;
import com.salescopilot.analysis.BigFiveTrait;
import com.salescopilot.analysis.BuyingStage;
import com.salescopilot.analysis.DiscStyle;
import com.salescopilot.analysis.RiskLevel;
import com.salescopilot.analysis.SchwartzValue;
import com.salescopilot.analysis.TemperatureBand;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The keys the cockpit builds at run time (failure reasons, model states, enum labels) exist in both languages. */
class AnalysisTextsTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = AnalysisTextsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyFailureCodeMapsToAnExistingMessage() throws IOException {
        Properties en = load("translations.properties");
        Properties pl = load("translations_pl.properties");
        List<String> codes = new ArrayList<>(List.of("invalid_output", "interrupted", "internal", "session_gone",
                "something_new", "", "ai.error.timeout"));
        for (AiFailureReason reason : AiFailureReason.values()) {
            codes.add(reason.name().toLowerCase(Locale.ROOT)); // as stored
            codes.add(reason.messageKey()); // as the live stream reports it
            assertThat(AiTexts.errorKey(reason.name().toLowerCase(Locale.ROOT))).isEqualTo(reason.messageKey());
        }
        codes.add(null);
        for (String code : codes) {
            String key = AiTexts.errorKey(code);
            assertThat(en).as("en %s → %s", code, key).containsKey(key);
            assertThat(pl).as("pl %s → %s", code, key).containsKey(key);
        }
        assertThat(AiTexts.errorKey("invalid_output")).isEqualTo("analysis.error.invalid-output");
        assertThat(AiTexts.errorKey("something_new")).isEqualTo("ai.error.other");
    }

    @Test
    void everyLabelBuiltFromACodeExists() throws IOException {
        Properties en = load("translations.properties");
        Properties pl = load("translations_pl.properties");
        List<String> keys = new ArrayList<>();
        for (String state : List.of("ok", "models-missing", "unreachable", "auth", "error", "unknown")) {
            keys.add("ai.status." + state);
        }
        for (String badge : List.of("ok", "warning", "error", "unknown")) {
            keys.add("model.badge." + badge);
        }
        for (TemperatureBand b : TemperatureBand.values()) keys.add("analysis.band." + b.code());
        for (RiskLevel l : RiskLevel.values()) keys.add("analysis.level." + l.code());
        for (BuyingStage s : BuyingStage.values()) keys.add("analysis.stage." + s.code());
        for (BigFiveTrait t : BigFiveTrait.values()) keys.add("analysis.trait." + t.code());
        for (DiscStyle d : DiscStyle.values()) keys.add("analysis.disc." + d.dimension());
        for (SchwartzValue v : SchwartzValue.values()) keys.add("analysis.value." + v.code());
        keys.add("error.fast-not-running");
        keys.add("error.nothing-to-retry");
        assertThat(keys).allSatisfy(k -> {
            assertThat(en).as("en").containsKey(k);
            assertThat(pl).as("pl").containsKey(k);
        });
    }

}
