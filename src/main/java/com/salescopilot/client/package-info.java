/** Clients (pseudonymous aliases by default) and their GDPR erasure. */
@org.springframework.modulith.ApplicationModule(displayName = "Clients", allowedDependencies = {"base", "security"})
package com.salescopilot.client;
