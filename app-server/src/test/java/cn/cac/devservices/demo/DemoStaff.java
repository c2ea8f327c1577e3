package cn.cac.devservices.demo;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import cn.cac.gzh.console.StaffRole;

/**
 * The demo county's staff: one user per role, scoped to the county, each with a password generated at the first
 * start and shown once in the banner (like the first administrator's).
 */
record DemoStaff(StaffRole role, String username, String displayName, String password) {

    static final String COUNTY = "411422";
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** One user per role with fresh passwords. */
    static List<DemoStaff> generate() {
        SecureRandom random = new SecureRandom();
        return List.of(new DemoStaff(StaffRole.ADMIN, "demo-admin", "演示管理员", password(random)),
                new DemoStaff(StaffRole.REVIEWER, "demo-reviewer", "演示审核员", password(random)),
                new DemoStaff(StaffRole.PUBLISHER, "demo-publisher", "演示发布员", password(random)));
    }

    /** The console API's request that creates this user. */
    Map<String, Object> request() {
        return Map.of("username", username, "displayName", displayName, "password", password, "roles", List.of(role.name()),
                "scopeCode", COUNTY);
    }

    /** 12 characters with letters and digits, as the password policy wants. */
    private static String password(SecureRandom random) {
        StringBuilder password = new StringBuilder("Demo-");
        for (int i = 0; i < 8; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.append(random.nextInt(10)).toString();
    }
}
