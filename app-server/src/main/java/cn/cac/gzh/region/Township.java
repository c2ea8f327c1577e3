package cn.cac.gzh.region;

/** A town, township or sub-district of the county. */
public record Township(long id, String name, TownshipKind kind) {
}
