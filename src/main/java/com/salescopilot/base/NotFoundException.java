package com.salescopilot.base;

/**
 * Something the caller asked for does not exist, or exists but is not theirs: both look the same
 * from outside so that ids of other users' data do not leak.
 */
public class NotFoundException extends RuntimeException {

    private final String what;

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " was not found");
        this.what = what;
    }

    public String what() {
        return what;
    }
}
