package cn.cac.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import cn.cac.gzh.common.pii.PersonalDataCipher;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the database with plausible filings of a city: 10,000 operators and the filings spread evenly over the
 * {@link #COUNTIES ten counties} of 商丘市 (filing {@code i} belongs to county {@code i % 10}), with statuses,
 * townships, names and encrypted ID numbers spread like a county's registry would be. Approved filings carry numbers
 * the way approval hands them out ({@code 411422-2019-00042}: county, year of approval in Beijing time, sequence per
 * county and year), and {@code filing_number_sequence} is left at the last number of every county and year, so an
 * approval after the generator continues the sequence. Deterministic (seeded); a second run adds rows up to the target.
 */
final class FilingGenerator {

    /** A county of the generated city: GB/T 2260 code and name. */
    record County(String code, String name) {
    }

    /**
     * The nine county-level divisions of 商丘市 (GB/T 2260) and one made-up county, 411499 测试县（虚构）: the city has
     * only nine, and the benchmark wants ten of 100,000 filings each. 411499 is not a real code.
     */
    static final List<County> COUNTIES = List.of(new County("411402", "梁园区"), new County("411403", "睢阳区"),
            new County("411421", "民权县"), new County("411422", "睢县"), new County("411423", "宁陵县"),
            new County("411424", "柘城县"), new County("411425", "虞城县"), new County("411426", "夏邑县"),
            new County("411481", "永城市"), new County("411499", "测试县（虚构）"));

    /** 睢县's twenty townships; the other counties get twenty made-up ones each ("民权县第01乡镇" …). */
    static final List<String> TOWNSHIPS = List.of("城关回族镇", "城郊乡", "平岗镇", "长岗镇", "潮庄镇", "西陵寺镇", "周堂镇",
            "蓼堤镇", "尚屯镇", "匡城乡", "后台乡", "河集乡", "白楼乡", "河堤乡", "白庙乡", "胡堂乡", "尤吉屯乡", "董店乡",
            "涧岗乡", "孙聚寨乡");
    private static final String[] WORDS = {"睢县", "水城", "北湖", "生活", "发布", "便民", "美食", "教育", "新闻", "文旅", "家政", "农业"};
    private static final String[] UNIT_TYPES = {"TOWNSHIP", "ORGAN", "ENTERPRISE", "INSTITUTION", "SOCIAL_GROUP", "COMPANY", "STATIONED_UNIT"};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PersonalDataCipher cipher;

    FilingGenerator(DataSource dataSource, PersonalDataCipher cipher) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.cipher = cipher;
    }

    long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM filing", Long.class);
    }

    static County countyOf(long i) {
        return COUNTIES.get((int) (i % COUNTIES.size()));
    }

    static String township(County county, int n) {
        return "411422".equals(county.code()) ? TOWNSHIPS.get(n) : "%s第%02d乡镇".formatted(county.name(), n + 1);
    }

    void generate(long target) {
        for (County county : COUNTIES) {
            jdbc.update("INSERT IGNORE INTO region_county (code, city_code, name, province, city, created_at, updated_at) "
                    + "VALUES (?, '411400', ?, '河南省', '商丘市', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))", county.code(), county.name());
        }
        long existing = count();
        if (existing >= target) {
            return;
        }
        SplittableRandom random = new SplittableRandom(42 + existing);
        long operators = jdbc.queryForObject("SELECT COUNT(*) FROM account_operator", Long.class);
        if (operators < 10_000) {
            List<Object[]> rows = new ArrayList<>();
            for (long i = operators; i < 10_000; i++) {
                LocalDateTime at = LocalDateTime.of(2020, 1, 1, 0, 0);
                rows.add(new Object[] {"bench-openid-" + i, at, at, at});
            }
            jdbc.batchUpdate("INSERT INTO account_operator (openid, last_login_at, created_at, updated_at) VALUES (?, ?, ?, ?)", rows);
        }
        long firstOperator = jdbc.queryForObject("SELECT MIN(id) FROM account_operator", Long.class);
        // the numbers handed out so far, per county and year: the generator keeps the sequence table with its rows
        Map<String, Integer> numbers = new HashMap<>();
        jdbc.query("SELECT county_code, year, last_value FROM filing_number_sequence",
                rs -> {
                    numbers.put(rs.getString(1) + "-" + rs.getInt(2), rs.getInt(3));
                });
        // ID numbers: a few distinct encrypted values reused (encryption cost is not what is measured)
        String[] ids = {cipher.encrypt("11010519491231002X"), cipher.encrypt("440524188001010014")};
        String[] index = {cipher.blindIndex("11010519491231002X"), cipher.blindIndex("440524188001010014")};
        int batch = 2_000;
        for (long n = existing; n < target; n += batch) {
            List<Object[]> rows = new ArrayList<>(batch);
            for (long i = n; i < Math.min(target, n + batch); i++) {
                rows.add(row(i, random, firstOperator, ids, index, numbers));
            }
            List<Object[]> sequences = numbers.entrySet().stream()
                    .map(e -> new Object[] {e.getKey().substring(0, 6), Integer.parseInt(e.getKey().substring(7)), e.getValue()})
                    .toList();
            transaction.executeWithoutResult(status -> {
                jdbc.batchUpdate("""
                        INSERT INTO filing (operator_id, county_code, status, form_type, version, account_name, account_wechat_id,
                            account_original_id, account_type, opened_on, content_category, registration_place, operating_place,
                            township, unit_name, unit_type, unit_code, responsible_name, responsible_id_cipher, responsible_id_index,
                            responsible_phone, person_name, person_id_cipher, person_id_index, person_phone, subject_name,
                            filing_number, due_on, submitted_at, decided_at, created_at, updated_at)
                        VALUES (?, ?, ?, ?, 0, ?, ?, ?, 'SUBSCRIPTION', ?, '生活服务', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                            ?, ?, ?, ?, ?)
                        """, rows);
                jdbc.batchUpdate("""
                        INSERT INTO filing_number_sequence (county_code, year, last_value) VALUES (?, ?, ?)
                        ON DUPLICATE KEY UPDATE last_value = GREATEST(last_value, VALUES(last_value))
                        """, sequences);
            });
            if ((n / batch) % 50 == 0) {
                System.out.printf("  generated %,d / %,d filings%n", Math.min(target, n + batch), target);
            }
        }
    }

    private static Object[] row(long i, SplittableRandom random, long firstOperator, String[] ids, String[] index,
            Map<String, Integer> numbers) {
        County county = countyOf(i);
        long ordinal = i / COUNTIES.size();
        int roll = random.nextInt(100);
        // 55% approved, 15% submitted, 15% drafts, 10% rejected, 5% revoked
        String status = roll < 55 ? "APPROVED" : roll < 70 ? "SUBMITTED" : roll < 85 ? "DRAFT" : roll < 95 ? "REJECTED" : "REVOKED";
        boolean unit = random.nextInt(100) < 40;
        String name = WORDS[random.nextInt(WORDS.length)] + WORDS[random.nextInt(WORDS.length)] + i;
        LocalDate opened = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4000));
        LocalDateTime created = opened.atTime(random.nextInt(24), random.nextInt(60));
        String subject = unit ? county.name() + "单位" + ordinal : "个人" + i;
        String township = township(county, random.nextInt(TOWNSHIPS.size()));
        LocalDateTime decided = "APPROVED".equals(status) || "REJECTED".equals(status) ? created.plusDays(3) : null;
        String number = null;
        if ("APPROVED".equals(status)) {
            int year = decided.plusHours(8).getYear(); // the year of approval in Beijing time, as StaffReview counts
            number = "%s-%d-%05d".formatted(county.code(), year, numbers.merge(county.code() + "-" + year, 1, Integer::sum));
        }
        int k = (int) (i % 2);
        return new Object[] {firstOperator + (i % 10_000), county.code(), status, unit ? "UNIT" : "INDIVIDUAL", name, "wxb" + i,
                "gh_%012x".formatted(i), opened, county.name(), county.name(), township,
                unit ? subject : null, unit ? UNIT_TYPES[random.nextInt(UNIT_TYPES.length)] : null,
                unit ? "91310110666007217T" : null, unit ? "张三" : null, unit ? ids[k] : null, unit ? index[k] : null,
                unit ? "13912345678" : null, unit ? null : "王五", unit ? null : ids[k], unit ? null : index[k],
                unit ? null : "13712345678", subject, number,
                opened.plusDays(30), "DRAFT".equals(status) ? null : created.plusDays(1), decided, created, created};
    }
}
