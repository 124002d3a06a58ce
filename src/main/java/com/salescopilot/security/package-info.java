/** Users, roles, login, the current user and the first admin. */
@org.springframework.modulith.ApplicationModule(displayName = "Security", allowedDependencies = "base")
package com.salescopilot.security;
