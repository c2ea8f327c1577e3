package cn.cac.gzh.filing;

import java.util.List;

/** One page of a registry search. */
public record RegistryPage(List<RegistryEntry> items, long total, int page, int size) {
}
