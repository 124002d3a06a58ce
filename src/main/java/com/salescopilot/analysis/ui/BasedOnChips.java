package com.salescopilot.analysis.ui;

import com.salescopilot.analysis.KnowledgeRetriever.RetrievedKnowledge;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * "Based on": the knowledge nuggets an analysis's prompt carried, one chip each; a chip opens the nugget
 * in a dialog (read-only, its text shown as text). Hidden when the analysis used no knowledge.
 */
final class BasedOnChips extends Div {

    static final int TITLE_LENGTH = 40;

    BasedOnChips(List<String> nuggetIds, Function<String, Optional<RetrievedKnowledge>> lookup) {
        addClassName("based-on-chips");
        setId("analysis-based-on-chips");
        setVisible(!nuggetIds.isEmpty());
        if (nuggetIds.isEmpty()) {
            return;
        }
        Span label = new Span(getTranslation("knowledge.based-on"));
        label.addClassName("analysis-label");
        add(label);
        for (String id : nuggetIds) {
            Optional<RetrievedKnowledge> nugget = lookup.apply(id);
            String title = nugget.map(RetrievedKnowledge::title).orElse("");
            Button chip = new Button(id + (title.isBlank() ? "" : " · " + shorten(title)));
            chip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
            chip.addClassName("based-on-chip");
            chip.getElement().setAttribute("data-nugget", id);
            if (nugget.isPresent()) {
                chip.getElement().setAttribute("title", title);
                chip.addClickListener(e -> open(nugget.get()));
            } else {
                chip.setEnabled(false);
                chip.getElement().setAttribute("title", getTranslation("knowledge.based-on.missing"));
            }
            add(chip);
        }
    }

    private void open(RetrievedKnowledge nugget) {
        Dialog dialog = new Dialog();
        dialog.addClassName("based-on-dialog");
        dialog.setHeaderTitle(nugget.id() + " · " + nugget.title());
        Span type = new Span(getTranslation("knowledge.type." + nugget.type()));
        type.getElement().getThemeList().add("badge");
        Paragraph content = new Paragraph(nugget.content());
        content.addClassName("based-on-content");
        content.getStyle().set("white-space", "pre-wrap");
        dialog.add(type, content);
        Button close = new Button(getTranslation("knowledge.close"), new Icon(VaadinIcon.CLOSE), e -> dialog.close());
        close.addClassName("based-on-close");
        dialog.getFooter().add(close);
        dialog.open();
    }

    private static String shorten(String text) {
        return text.length() <= TITLE_LENGTH ? text : text.substring(0, TITLE_LENGTH - 1) + "…";
    }
}
