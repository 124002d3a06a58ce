package com.salescopilot.analysis.ui;

import com.salescopilot.analysis.Playbook;
import com.salescopilot.analysis.PlaybookService;
import com.salescopilot.base.InvalidInputException;
import com.salescopilot.security.Actor;
import com.salescopilot.security.CurrentUser;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Admin only: the playbook every prompt carries (company, market, currency, default answer language,
 * products, competitors, hard rules, tone, buyer archetypes). Until one is saved the defaults apply,
 * and they are what the form shows.
 */
@Route("settings/playbook")
@Menu(order = 8, title = "nav.playbook", icon = "vaadin:book")
@RolesAllowed("ADMIN")
class PlaybookView extends VerticalLayout implements HasDynamicTitle {

    static final int SHORT_MAX = 200;
    static final int LIST_MAX = 8000;

    private final PlaybookService playbooks;
    private final Actor actor;

    final Paragraph usingDefaults = new Paragraph();
    final TextField company = new TextField();
    final TextField market = new TextField();
    final TextField currency = new TextField();
    final Select<String> language = new Select<>();
    final TextArea products = new TextArea();
    final TextArea competitors = new TextArea();
    final TextArea hardRules = new TextArea();
    final TextArea tone = new TextArea();
    final TextArea archetypes = new TextArea();
    final Button save = new Button();
    final Button reset = new Button();

    PlaybookView(PlaybookService playbooks, CurrentUser currentUser) {
        this.playbooks = playbooks;
        this.actor = currentUser.require();
        addClassName("playbook-view");
        setWidthFull();

        H2 title = new H2(getTranslation("playbook.title"));
        title.addClassName("view-title");
        Paragraph intro = new Paragraph(getTranslation("playbook.intro"));
        intro.addClassName("view-intro");
        usingDefaults.setText(getTranslation("playbook.using-defaults"));
        usingDefaults.addClassName("playbook-defaults-note");
        usingDefaults.setId("playbook-defaults-note");

        company.setLabel(getTranslation("playbook.company"));
        company.setMaxLength(SHORT_MAX);
        company.setRequiredIndicatorVisible(true);
        company.setId("playbook-company");
        market.setLabel(getTranslation("playbook.market"));
        market.setMaxLength(SHORT_MAX * 2);
        market.setId("playbook-market");
        currency.setLabel(getTranslation("playbook.currency"));
        currency.setHelperText(getTranslation("playbook.currency.helper"));
        currency.setMaxLength(3);
        currency.setAllowedCharPattern("[A-Za-z]");
        currency.setRequiredIndicatorVisible(true);
        currency.setId("playbook-currency");
        language.setLabel(getTranslation("playbook.language"));
        language.setItems("pl", "en");
        language.setItemLabelGenerator(code -> getTranslation("language." + code));
        language.setHelperText(getTranslation("playbook.language.helper"));
        language.setId("playbook-language");
        setUpList(products, "playbook.products", "playbook-products");
        setUpList(competitors, "playbook.competitors", "playbook-competitors");
        setUpList(hardRules, "playbook.hard-rules", "playbook-hard-rules");
        tone.setLabel(getTranslation("playbook.tone"));
        tone.setMaxLength(SHORT_MAX * 5);
        tone.setId("playbook-tone");
        setUpList(archetypes, "playbook.archetypes", "playbook-archetypes");
        archetypes.setHelperText(getTranslation("playbook.archetypes.helper"));
        archetypes.setRequiredIndicatorVisible(true);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("50em", 2));
        form.add(company, market, currency, language);
        form.add(products, 2);
        form.add(competitors, hardRules);
        form.add(tone, 2);
        form.add(archetypes, 2);
        form.addClassName("playbook-form");

        save.setText(getTranslation("action.save"));
        save.setIcon(new Icon(VaadinIcon.CHECK));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("playbook-save");
        save.addClickListener(e -> save());
        reset.setText(getTranslation("playbook.reset"));
        reset.setIcon(new Icon(VaadinIcon.ROTATE_LEFT));
        reset.setId("playbook-reset");
        reset.addClickListener(e -> {
            fill(Playbook.defaults());
            Notification.show(getTranslation("playbook.reset.done"), 4000, Notification.Position.BOTTOM_START);
        });
        HorizontalLayout actions = new HorizontalLayout(save, reset);

        add(title, intro, usingDefaults, form, actions);
        Playbook current = playbooks.current();
        usingDefaults.setVisible(current.equals(Playbook.defaults()));
        fill(current);
    }

    private void setUpList(TextArea area, String labelKey, String id) {
        area.setLabel(getTranslation(labelKey));
        if (!labelKey.equals("playbook.archetypes")) {
            area.setHelperText(getTranslation("playbook.one-per-line"));
        }
        area.setMaxLength(LIST_MAX);
        area.setWidthFull();
        area.setId(id);
        area.addClassName("playbook-list");
    }

    void fill(Playbook playbook) {
        clearErrors();
        company.setValue(playbook.company());
        market.setValue(playbook.market());
        currency.setValue(playbook.currency());
        language.setValue(playbook.language().equals("en") ? "en" : "pl");
        products.setValue(String.join("\n", playbook.products()));
        competitors.setValue(String.join("\n", playbook.competitors()));
        hardRules.setValue(String.join("\n", playbook.hardRules()));
        tone.setValue(playbook.tone());
        archetypes.setValue(String.join("\n", playbook.archetypes().stream()
                .map(a -> a.description().isEmpty() ? a.name() : a.name() + ": " + a.description()).toList()));
    }

    Playbook fromForm() {
        return new Playbook(company.getValue(), market.getValue(), currency.getValue(),
                language.getValue() == null ? "" : language.getValue(), lines(products.getValue()),
                lines(competitors.getValue()), lines(hardRules.getValue()), tone.getValue(),
                archetypes(archetypes.getValue()));
    }

    void save() {
        clearErrors();
        List<Playbook.Archetype> parsed = archetypes(archetypes.getValue());
        if (parsed.stream().anyMatch(a -> a.name().isEmpty())) {
            showError(archetypes, getTranslation("playbook.error.archetype-name"));
            return;
        }
        try {
            Playbook saved = playbooks.save(actor, fromForm());
            fill(saved);
            usingDefaults.setVisible(saved.equals(Playbook.defaults()));
            Notification n = Notification.show(getTranslation("playbook.saved"), 3000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException e) {
            showFieldErrors(e.fieldErrors());
        }
    }

    private void showFieldErrors(Map<String, String> errors) {
        errors.forEach((field, message) -> {
            switch (field) {
                case "company" -> showError(company, getTranslation("playbook.error.company"));
                case "currency" -> showError(currency, getTranslation("playbook.error.currency"));
                case "language" -> showError(language, getTranslation("playbook.error.language"));
                case "archetypes" -> showError(archetypes, getTranslation("playbook.error.archetypes"));
                default -> {
                    Notification n = Notification.show(getTranslation("error.invalid", field + ": " + message), 6000,
                            Notification.Position.MIDDLE);
                    n.addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            }
        });
    }

    private static void showError(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void clearErrors() {
        company.setInvalid(false);
        currency.setInvalid(false);
        language.setInvalid(false);
        archetypes.setInvalid(false);
    }

    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** "Name: description" per line; a line without a colon is a name without description. */
    static List<Playbook.Archetype> archetypes(String text) {
        List<Playbook.Archetype> result = new ArrayList<>();
        for (String line : lines(text)) {
            int colon = line.indexOf(':');
            result.add(colon < 0 ? new Playbook.Archetype(line, "")
                    : new Playbook.Archetype(line.substring(0, colon), line.substring(colon + 1)));
        }
        return result;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("playbook.page-title");
    }
}
