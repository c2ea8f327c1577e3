package cn.cac.gzh.officialaccount;

/** What administrators do with the office's official account (the console calls these). */
public interface OfficialAccountAdministration {

    /** Publishes the menu (我要备案 → mini-program, 政策通知, 联系我们); returns the menu as JSON. */
    String publishMenu();

    /** Pages through all followers, refreshes them and links them to operators by unionid. */
    SyncResult syncFollowers();

    record SyncResult(int followers, int linkedToOperators) {
    }
}
