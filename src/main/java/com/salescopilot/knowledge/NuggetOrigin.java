package com.salescopilot.knowledge;

/** Where a nugget came from. */
public enum NuggetOrigin {
    MANUAL, IMPORT, DOJO
}
