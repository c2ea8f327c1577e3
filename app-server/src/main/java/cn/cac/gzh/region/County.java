package cn.cac.gzh.region;

/** A county (县、区或县级市) of the city the platform serves. */
public record County(String code, String name, String province, String city) {
}
