package com.salescopilot.base.api;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Slice;

/** A page of a list in the API: the items, where it is, and whether there is more (no global count). */
public record PageResponse<T>(List<T> items, int page, int size, boolean hasNext) {

    public static <S, T> PageResponse<T> of(Slice<S> slice, Function<S, T> mapper) {
        return new PageResponse<>(slice.getContent().stream().map(mapper).toList(), slice.getNumber(), slice.getSize(),
                slice.hasNext());
    }
}
