package cn.cac.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 民权县 (411421), a second county of 商丘市 beside the seeded 睢县: what a test of several counties adds to the
 * shared test database (once; every test may call it).
 */
public final class SecondCounty {

    public static final String CODE = "411421";

    private SecondCounty() {
    }

    public static String ensure(JdbcTemplate jdbc) {
        jdbc.update("INSERT IGNORE INTO region_county (code, city_code, name, province, city, created_at, updated_at) "
                + "VALUES (?, '411400', '民权县', '河南省', '商丘市', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))", CODE);
        return CODE;
    }
}
