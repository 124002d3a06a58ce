package com.salescopilot.base.ui;

import com.salescopilot.base.LocalePreference;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;

/**
 * The shell around every logged-in view: navigation built from the views' {@code @Menu} (filtered by
 * the user's access), the language switch, the user and log-out.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("pl"), Locale.ENGLISH);

    MainLayout(AuthenticationContext auth, LocalePreference localePreference) {
        setPrimarySection(Section.DRAWER);

        Span appName = new Span(getTranslation("app.name"));
        appName.addClassName("app-name");
        addToDrawer(appName, createSideNav());

        Select<Locale> language = new Select<>();
        language.setItems(LANGUAGES);
        language.setItemLabelGenerator(l -> getTranslation("language." + l.getLanguage()));
        language.setValue(LANGUAGES.stream().filter(l -> l.getLanguage().equals(getLocale().getLanguage()))
                .findFirst().orElse(LANGUAGES.getFirst()));
        language.setAriaLabel(getTranslation("language.label"));
        language.addClassName("language-select");
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                localePreference.rememberForCurrentUser(e.getValue());
                UI.getCurrent().getSession().setLocale(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });

        Span user = new Span(new Icon(VaadinIcon.USER), new Span(auth.getPrincipalName().orElse("")));
        user.addClassName("current-user");
        Button logout = new Button(getTranslation("nav.logout"), new Icon(VaadinIcon.SIGN_OUT), e -> auth.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), new Span(), language, user, logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(header.getComponentAt(1));
        header.addClassName("app-header");
        addToNavbar(header);
    }

    private SideNav createSideNav() {
        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            item.setMatchNested(true);
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }
}
