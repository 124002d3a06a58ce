package com.salescopilot.analysis;

/** How to talk to the client: approach, tone, pace and information density (free text each). */
public record CommunicationStyle(String approach, String tone, String pace, String informationDensity) {

    public CommunicationStyle {
        approach = Records.text(approach);
        tone = Records.text(tone);
        pace = Records.text(pace);
        informationDensity = Records.text(informationDensity);
    }
}
