package com.salescopilot.base.ui;

import com.salescopilot.base.NotFoundException;
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
        removeAll();
        addClassName("not-found");
        add(new H2(getTranslation("notfound.title")));
        add(new Paragraph(getTranslation("notfound.text")));
        add(new com.vaadin.flow.component.html.Anchor("", getTranslation("notfound.back"))); 
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
