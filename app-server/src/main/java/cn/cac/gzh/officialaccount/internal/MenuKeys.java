package cn.cac.gzh.officialaccount.internal;

/** EventKeys of the account's menu buttons. */
final class MenuKeys {

    static final String FILING = "MENU_FILING";
    static final String POLICY = "MENU_POLICY";
    static final String CONTACT = "MENU_CONTACT";

    private MenuKeys() {
    }
}
