package com.salescopilot.analysis;

/** An objection the client raised or is likely to raise, and how to answer it. */
public record ObjectionHandler(String objection, String response) {

    public ObjectionHandler {
        objection = Records.text(objection);
        response = Records.text(response);
    }
}
