package cn.cac.gzh.console.internal;

import cn.cac.gzh.common.DomainException;

/** At least 10 characters with letters and digits; never the username. */
final class PasswordPolicy {

    private PasswordPolicy() {
    }

    static void require(String username, String password) {
        if (password == null || password.length() < 10 || password.length() > 72
                || !password.matches(".*[A-Za-z].*") || !password.matches(".*\\d.*")
                || password.equalsIgnoreCase(username)) {
            throw DomainException.invalid("WEAK_PASSWORD", "密码须为10至72位，同时包含字母和数字，且不能与用户名相同");
        }
    }
}
