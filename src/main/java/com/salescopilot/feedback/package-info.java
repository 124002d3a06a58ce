/** 👍/👎 on every suggestion, stored with its text and the client's profile at that moment. */
@org.springframework.modulith.ApplicationModule(displayName = "Feedback",
        allowedDependencies = {"base", "security", "session", "analysis"})
package com.salescopilot.feedback;
