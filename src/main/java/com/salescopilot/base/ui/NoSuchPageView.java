package com.salescopilot.base.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A URL that names no view, or (Vaadin reroutes a denied navigation here, so that the page does not
 * tell which views exist) a view the user's role may not open: the translated "not found" page.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NoSuchPageView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        NotFoundView.show(this);
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
