package com.salescopilot.analysis;

import java.util.List;

/** The client in a nutshell: summary, main drive, communication style, levers, red flags, gaps. */
public record ClientDna(String summary, String mainDrive, CommunicationStyle communicationStyle,
                        List<String> keyLevers, List<String> redFlags, List<String> missingInformation) {

    public ClientDna {
        summary = Records.text(summary);
        mainDrive = Records.text(mainDrive);
        keyLevers = Records.list(keyLevers);
        redFlags = Records.list(redFlags);
        missingInformation = Records.list(missingInformation);
    }
}
