package com.salescopilot.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salescopilot.base.ui.AccessDeniedView;
import com.salescopilot.analysis.Playbook;
import com.salescopilot.analysis.PlaybookService;
import com.salescopilot.security.Role;
import com.salescopilot.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin's playbook page: defaults until saved, saving with field errors, reset, and access. */
class PlaybookViewKaribuTest extends KaribuTest {

    @Autowired
    PlaybookService playbooks;

    private Playbook before;

    @BeforeEach
    void remember() {
        before = playbooks.current();
    }

    @AfterEach
    void restore() {
        // the playbook is shared by every test on this database: leave it as it was
        playbooks.save(testData.admin(), before);
    }

    private PlaybookView open() {
        UI.getCurrent().navigate("settings/playbook");
        return _get(PlaybookView.class);
    }

    @Test
    void theDefaultsAreShownUntilSomethingIsSaved() {
        playbooks.save(testData.admin(), Playbook.defaults());
        login(testData.newUser(Role.ADMIN));
        PlaybookView view = open();
        Playbook defaults = Playbook.defaults();
        assertThat(view.usingDefaults.isVisible()).isTrue();
        assertThat(view.company.getValue()).isEqualTo(defaults.company());
        assertThat(view.currency.getValue()).isEqualTo("PLN");
        assertThat(view.language.getValue()).isEqualTo("pl");
        assertThat(view.hardRules.getValue().lines().toList()).isEqualTo(defaults.hardRules());
        assertThat(view.archetypes.getValue().lines().toList())
                .contains("Analyst: " + defaults.archetype("Analyst").orElseThrow().description());
        assertThat(view.fromForm()).isEqualTo(defaults);
    }

    @Test
    void anAdminSavesThePlaybookAndEveryPromptUsesIt() {
        login(testData.newUser(Role.ADMIN));
        PlaybookView view = open();
        String company = "Auto Salon " + UUID.randomUUID().toString().substring(0, 6);
        _setValue(view.company, company);
        _setValue(view.market, "Warsaw, private buyers of electric cars");
        _setValue(view.currency, "eur");
        _setValue(view.language, "en");
        _setValue(view.products, "Model A, 450 km range\n\n  Model B, 600 km range  \n");
        _setValue(view.competitors, "BMW iX3\nTesla Model Y");
        _setValue(view.hardRules, "Never recommend a competitor");
        _setValue(view.tone, "Calm and factual");
        _setValue(view.archetypes, "Analyst: wants numbers\nFamily buyer: safety and space\nDreamer");
        _click(view.save);

        Playbook saved = playbooks.current();
        assertThat(saved.company()).isEqualTo(company);
        assertThat(saved.currency()).isEqualTo("EUR");
        assertThat(saved.language()).isEqualTo("en");
        assertThat(saved.products()).containsExactly("Model A, 450 km range", "Model B, 600 km range");
        assertThat(saved.competitors()).containsExactly("BMW iX3", "Tesla Model Y");
        assertThat(saved.hardRules()).containsExactly("Never recommend a competitor");
        assertThat(saved.archetypes()).containsExactly(new Playbook.Archetype("Analyst", "wants numbers"),
                new Playbook.Archetype("Family buyer", "safety and space"), new Playbook.Archetype("Dreamer", ""));
        assertThat(view.usingDefaults.isVisible()).isFalse();
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications("Playbook saved.");

        // reopened, the form shows what was saved
        UI.getCurrent().navigate("");
        view = open();
        assertThat(view.company.getValue()).isEqualTo(company);
        assertThat(view.archetypes.getValue()).isEqualTo("Analyst: wants numbers\nFamily buyer: safety and space\nDreamer");

        // reset puts the defaults in the form; only Save applies them
        _click(view.reset);
        assertThat(view.company.getValue()).isEqualTo(Playbook.defaults().company());
        assertThat(playbooks.current().company()).isEqualTo(company);
        _click(view.save);
        assertThat(playbooks.current()).isEqualTo(Playbook.defaults());
        assertThat(view.usingDefaults.isVisible()).isTrue();
    }

    @Test
    void invalidInputIsShownBesideTheFieldsAndNothingIsSaved() {
        login(testData.newUser(Role.ADMIN));
        PlaybookView view = open();
        Playbook unchanged = playbooks.current();
        _setValue(view.company, "  ");
        _setValue(view.currency, "PL");
        _setValue(view.archetypes, "Only one: a lonely archetype");
        _click(view.save);

        assertThat(view.company.isInvalid()).isTrue();
        assertThat(view.company.getErrorMessage()).isEqualTo("The company name is required.");
        assertThat(view.currency.isInvalid()).isTrue();
        assertThat(view.currency.getErrorMessage()).isEqualTo("Use a three-letter currency code such as PLN or EUR.");
        assertThat(view.archetypes.isInvalid()).isTrue();
        assertThat(view.archetypes.getErrorMessage()).isEqualTo("Name at least two buyer archetypes, one per line.");
        assertThat(playbooks.current()).isEqualTo(unchanged);

        _setValue(view.archetypes, "Analyst: numbers\n: no name here");
        _click(view.save);
        assertThat(view.archetypes.getErrorMessage()).isEqualTo("Every line needs a name before the colon.");
        assertThat(playbooks.current()).isEqualTo(unchanged);
    }

    @Test
    void aSellerCannotOpenThePlaybookAndDoesNotSeeItInTheMenu() {
        login(testData.newUser(Role.SELLER));
        UI.getCurrent().navigate("");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).doesNotContain("Playbook");
        UI.getCurrent().navigate("settings/playbook");
        assertThat(_find(PlaybookView.class)).isEmpty();
        assertThat(_get(AccessDeniedView.class).getElement().getTextRecursively())
                .contains("This page does not exist, or you do not have access to it.");
    }

    @Test
    void anAdminFindsThePlaybookInTheMenuInPolishToo() {
        login(testData.newUser(Role.ADMIN, "pl"));
        UI.getCurrent().navigate("");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Playbook");
        PlaybookView view = open();
        assertThat(view.save.getText()).isEqualTo("Zapisz");
        assertThat(view.archetypes.getLabel()).isEqualTo("Archetypy kupujących");
        assertThat(List.of(view.reset.getText())).containsExactly("Przywróć domyślne");
    }
}
