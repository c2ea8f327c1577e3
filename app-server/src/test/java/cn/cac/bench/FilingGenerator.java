package cn.cac.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import cn.cac.gzh.common.pii.PersonalDataCipher;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the database with plausible filings: 10,000 operators, statuses, townships, names and
 * encrypted ID numbers spread like a county's registry would be. Deterministic (seeded).
 */
final class FilingGenerator {

    static final List<String> TOWNSHIPS = List.of("城关回族镇", "城郊乡", "平岗镇", "长岗镇", "潮庄镇", "西陵寺镇", "周堂镇",
            "蓼堤镇", "尚屯镇", "匡城乡", "后台乡", "河集乡", "白楼乡", "河堤乡", "白庙乡", "胡堂乡", "尤吉屯乡", "董店乡",
            "涧岗乡", "孙聚寨乡");
    private static final String[] WORDS = {"睢县", "水城", "北湖", "生活", "发布", "便民", "美食", "教育", "新闻", "文旅", "家政", "农业"};
    private static final String[] UNIT_TYPES = {"TOWNSHIP", "ORGAN", "ENTERPRISE", "INSTITUTION", "SOCIAL_GROUP", "COMPANY", "STATIONED_UNIT"};

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;

    FilingGenerator(DataSource dataSource, PersonalDataCipher cipher) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.cipher = cipher;
    }

    long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM filing", Long.class);
    }

    void generate(long target) {
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
        // ID numbers: a few distinct encrypted values reused (encryption cost is not what is measured)
        String[] ids = {cipher.encrypt("11010519491231002X"), cipher.encrypt("440524188001010014")};
        String[] index = {cipher.blindIndex("11010519491231002X"), cipher.blindIndex("440524188001010014")};
        int batch = 2_000;
        for (long n = existing; n < target; n += batch) {
            List<Object[]> rows = new ArrayList<>(batch);
            for (long i = n; i < Math.min(target, n + batch); i++) {
                rows.add(row(i, random, firstOperator, ids, index));
            }
            jdbc.batchUpdate("""
                    INSERT INTO filing (operator_id, status, form_type, version, account_name, account_wechat_id, account_original_id,
                        account_type, opened_on, content_category, registration_place, operating_place, township, unit_name, unit_type,
                        unit_code, responsible_name, responsible_id_cipher, responsible_id_index, responsible_phone, person_name,
                        person_id_cipher, person_id_index, person_phone, subject_name, filing_number, due_on, submitted_at,
                        decided_at, created_at, updated_at)
                    VALUES (?, ?, ?, 0, ?, ?, ?, 'SUBSCRIPTION', ?, '生活服务', '睢县', '睢县', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, rows);
            if ((n / batch) % 50 == 0) {
                System.out.printf("  generated %,d / %,d filings%n", Math.min(target, n + batch), target);
            }
        }
    }

    private static Object[] row(long i, SplittableRandom random, long firstOperator, String[] ids, String[] index) {
        int roll = random.nextInt(100);
        // 55% approved, 15% submitted, 15% drafts, 10% rejected, 5% revoked
        String status = roll < 55 ? "APPROVED" : roll < 70 ? "SUBMITTED" : roll < 85 ? "DRAFT" : roll < 95 ? "REJECTED" : "REVOKED";
        boolean unit = random.nextInt(100) < 40;
        String name = WORDS[random.nextInt(WORDS.length)] + WORDS[random.nextInt(WORDS.length)] + i;
        LocalDate opened = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4000));
        LocalDateTime created = opened.atTime(random.nextInt(24), random.nextInt(60));
        String subject = unit ? "睢县单位" + i : "个人" + i;
        int k = (int) (i % 2);
        return new Object[] {firstOperator + (i % 10_000), status, unit ? "UNIT" : "INDIVIDUAL", name, "wxb" + i,
                "gh_%012x".formatted(i), opened, TOWNSHIPS.get(random.nextInt(TOWNSHIPS.size())),
                unit ? subject : null, unit ? UNIT_TYPES[random.nextInt(UNIT_TYPES.length)] : null,
                unit ? "91310110666007217T" : null, unit ? "张三" : null, unit ? ids[k] : null, unit ? index[k] : null,
                unit ? "13912345678" : null, unit ? null : "王五", unit ? null : ids[k], unit ? null : index[k],
                unit ? null : "13712345678", subject, "APPROVED".equals(status) ? "411422-B-%08d".formatted(i) : null,
                opened.plusDays(30), "DRAFT".equals(status) ? null : created.plusDays(1),
                "APPROVED".equals(status) || "REJECTED".equals(status) ? created.plusDays(3) : null, created, created};
    }
}
