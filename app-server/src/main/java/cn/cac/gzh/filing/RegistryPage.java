package cn.cac.gzh.filing;

import java.util.List;

/**
 * One page of a registry search.
 *
 * @param total       matching rows, counted up to {@link #COUNT_LIMIT}
 * @param totalCapped there are more than {@code total} (shown as "10000+"): counting a million rows exactly on
 *                    every page would cost more than the page itself
 */
public record RegistryPage(List<RegistryEntry> items, long total, boolean totalCapped, int page, int size) {

    public static final int COUNT_LIMIT = 10_000;
}
