/**
 * Shared shell: main layout, navigation, error views, i18n helpers, small shared types.
 * Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Base", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.salescopilot.base;
