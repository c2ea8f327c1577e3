package cn.cac.gzh.common;

import java.util.regex.Pattern;

/** Removes credentials from connection URLs before they reach a log line or an error message. */
public final class RedactedUrls {

    private static final Pattern USER_INFO = Pattern.compile("(//)[^/@\\s]+@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password|secret)=[^&;\\s]*");

    private RedactedUrls() {
    }

    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String withoutUser = USER_INFO.matcher(url).replaceAll("$1***@");
        return PASSWORD_PARAM.matcher(withoutUser).replaceAll("$1=***");
    }
}
