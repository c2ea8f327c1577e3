package cn.cac.gzh.region;

/** The county the platform serves. */
public record County(String code, String name, String province, String city) {
}
