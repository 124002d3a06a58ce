/** Sales sessions and their interactions: auto-creation, dashboard, cockpit, conclusion with an outcome. */
@org.springframework.modulith.ApplicationModule(displayName = "Sessions", allowedDependencies = {"base", "security", "client"})
package com.salescopilot.session;
