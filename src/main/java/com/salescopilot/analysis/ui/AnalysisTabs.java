package com.salescopilot.analysis.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import java.util.ArrayList;
import java.util.List;

/**
 * Tabs over the analysis sections, with the selected section's content below them and only that one
 * attached (so its charts are drawn at their real size when shown). Unlike {@code TabSheet} it adds no
 * scroll area of its own: the panel around it is the one thing that scrolls.
 */
final class AnalysisTabs extends Div {

    private final Tabs tabs = new Tabs();
    private final Div content = new Div();
    private final List<Component> pages = new ArrayList<>();

    AnalysisTabs() {
        addClassName("analysis-tabs");
        tabs.addClassName("analysis-tab-bar");
        content.addClassName("analysis-tab-page");
        tabs.addSelectedChangeListener(e -> show());
        add(tabs, content);
    }

    void add(Tab tab, Component page) {
        tabs.add(tab);
        pages.add(page);
        if (pages.size() == 1) {
            show();
        }
    }

    void setSelectedIndex(int index) {
        tabs.setSelectedIndex(index);
        show();
    }

    int getSelectedIndex() {
        return tabs.getSelectedIndex();
    }

    Tab getTabAt(int index) {
        return (Tab) tabs.getComponentAt(index);
    }

    private void show() {
        int index = tabs.getSelectedIndex();
        content.removeAll();
        if (index >= 0 && index < pages.size()) {
            content.add(pages.get(index));
        }
    }
}
