package com.salescopilot.analysis.ai;

import com.salescopilot.analysis.Playbook;
import java.util.List;

/** The playbook as a prompt block. */
final class PlaybookText {

    private PlaybookText() {
    }

    static String render(Playbook playbook) {
        StringBuilder out = new StringBuilder();
        line(out, "Company", playbook.company());
        line(out, "Market", playbook.market());
        line(out, "Currency", playbook.currency());
        list(out, "Products and services", playbook.products(), "(none listed)");
        list(out, "Competitors", playbook.competitors(), "(none named; any other seller is a competitor)");
        list(out, "Hard rules (never break them)", playbook.hardRules(), "(none)");
        line(out, "Tone", playbook.tone());
        list(out, "Buyer archetypes", playbook.archetypes().stream()
                .map(a -> a.description().isEmpty() ? a.name() : a.name() + ": " + a.description()).toList(), "(none)");
        return out.toString().stripTrailing();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(label).append(": ").append(value.isBlank() ? "(not set)" : PromptText.oneLine(value)).append('\n');
    }

    private static void list(StringBuilder out, String label, List<String> items, String none) {
        out.append(label).append(':');
        if (items.isEmpty()) {
            out.append(' ').append(none).append('\n');
            return;
        }
        out.append('\n');
        for (String item : items) {
            out.append("- ").append(PromptText.oneLine(item)).append('\n');
        }
    }
}
