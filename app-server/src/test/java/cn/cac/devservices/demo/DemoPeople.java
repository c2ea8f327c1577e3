package cn.cac.devservices.demo;

import java.time.LocalDate;

import cn.cac.gzh.common.identifiers.ResidentIdNumbers;
import cn.cac.gzh.common.identifiers.UnifiedSocialCreditCodes;

/**
 * The demo county's fictitious people and units: names that say they are made up (示例…, 演示…) and identifiers
 * that pass GB 11643 / GB 32100 check characters but are test data, not anybody's number. Deterministic, so every
 * demo county looks the same.
 */
final class DemoPeople {

    /** A fictitious person: name, test ID number, test mobile number. */
    record Person(String name, String idNumber, String phone) {
    }

    private static final String[] GIVEN = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
    private static final String[] FAMILY = {"示例", "演示", "样例"};
    private static final String[] WORDS = {"便民", "生活", "美食", "文旅", "教育", "农技", "家政", "资讯", "乡情", "服务"};

    private DemoPeople() {
    }

    /** Person {@code n}: 示例甲, 演示乙, …; ID numbers of the county's address code 411422, born 1970–1999. */
    static Person person(int n) {
        String name = FAMILY[n % FAMILY.length] + GIVEN[(n / FAMILY.length) % GIVEN.length] + (n >= 30 ? String.valueOf(n / 30) : "");
        LocalDate born = LocalDate.of(1970 + n % 30, 1 + n % 12, 1 + n % 28);
        String first17 = "411422" + born.toString().replace("-", "") + "%03d".formatted(900 + n % 100);
        String id = first17 + ResidentIdNumbers.checkChar(first17);
        String phone = "1390000%04d".formatted(n % 10_000);
        return new Person(name, id, phone);
    }

    /** A unified social credit code (GB 32100) of the county for unit {@code n}: valid check characters, made up. */
    static String creditCode(int n) {
        for (int k = 0; ; k++) {
            String body = "91411422" + "MA%07d".formatted(n * 10 + k);
            String code = body + UnifiedSocialCreditCodes.checkChar(body);
            if (UnifiedSocialCreditCodes.isValid(code)) {
                return code;
            }
        }
    }

    /** An official account's name: 演示便民城关01 … (always names it as a demo). */
    static String accountName(int n, String township) {
        return "演示" + WORDS[n % WORDS.length] + township.substring(0, Math.min(2, township.length())) + "%03d".formatted(n);
    }

    /** A unit's name, by its kind (表一 unit types). */
    static String unitName(int n, String unitType, String township) {
        return switch (unitType) {
            case "TOWNSHIP" -> "示例" + township + "人民政府";
            case "ORGAN" -> "示例县第" + (n % 9 + 1) + "局";
            case "INSTITUTION" -> "示例县" + WORDS[n % WORDS.length] + "中心";
            case "SOCIAL_GROUP" -> "示例县" + WORDS[n % WORDS.length] + "协会";
            case "STATIONED_UNIT" -> "示例驻县第" + (n % 5 + 1) + "分局";
            default -> "示例" + WORDS[n % WORDS.length] + "有限公司" + n;
        };
    }
}
