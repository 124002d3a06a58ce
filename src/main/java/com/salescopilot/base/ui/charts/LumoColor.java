package com.salescopilot.base.ui.charts;

import java.util.Locale;

/**
 * Lumo colours for chart options. A chart is drawn on a canvas, which knows nothing of CSS custom
 * properties, so options carry tokens ({@code var(--lumo-primary-color)}, optionally with an opacity:
 * {@code var(--lumo-primary-color)@0.4}); {@link EChart}'s script resolves each token against the
 * chart's element, so the colours follow the theme (light or dark) the page really uses.
 */
public final class LumoColor {

    public static final String PRIMARY = "var(--lumo-primary-color)";
    public static final String SUCCESS = "var(--lumo-success-color)";
    public static final String WARNING = "var(--lumo-warning-color)";
    public static final String ERROR = "var(--lumo-error-color)";
    public static final String BODY_TEXT = "var(--lumo-body-text-color)";
    public static final String SECONDARY_TEXT = "var(--lumo-secondary-text-color)";
    public static final String CONTRAST_10 = "var(--lumo-contrast-10pct)";
    public static final String CONTRAST_20 = "var(--lumo-contrast-20pct)";
    public static final String CONTRAST_50 = "var(--lumo-contrast-50pct)";
    public static final String BASE = "var(--lumo-base-color)";

    private LumoColor() {
    }

    /** The token with an opacity 0–1 applied ({@code var(--lumo-primary-color)@0.30}). */
    public static String withAlpha(String token, double alpha) {
        double clamped = Math.max(0, Math.min(1, alpha));
        return token + "@" + String.format(Locale.ROOT, "%.2f", clamped);
    }
}
