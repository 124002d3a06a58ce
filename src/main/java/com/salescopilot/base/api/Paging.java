package com.salescopilot.base.api;

import com.salescopilot.base.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/** Validated page parameters of list endpoints. */
public final class Paging {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    private Paging() {
    }

    public static Pageable of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        Map<String, String> errors = new LinkedHashMap<>();
        if (p < 0) {
            errors.put("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.put("size", "must be between 1 and " + MAX_SIZE);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return PageRequest.of(p, s);
    }
}
