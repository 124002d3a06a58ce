package com.salescopilot.base.ui;

import com.salescopilot.base.NotFoundException;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown when a view's subject does not exist or is not the user's: the same page either way, so
 * that another seller's ids reveal nothing.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show(this);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    /**
     * The one "not found" page, also for a URL that names no view and for a view the user's role may not
     * open (Vaadin's own pages for those are untranslated, and say which routes exist).
     */
    static void show(VerticalLayout page) {
        page.removeAll();
        page.addClassName("not-found");
        page.add(new H2(page.getTranslation("notfound.title")));
        page.add(new Paragraph(page.getTranslation("notfound.text")));
        page.add(new Anchor("", page.getTranslation("notfound.back")));
    }
}
