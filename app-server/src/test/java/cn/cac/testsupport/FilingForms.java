package cn.cac.testsupport;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Complete, valid form contents for tests, as the mini-program would send them (mutable maps, to spoil one field). */
public final class FilingForms {

    public static final String RESPONSIBLE_ID = "11010519491231002X";
    public static final String ADMIN_ID = "440524188001010014";
    public static final String USCC = "91310110666007217T";

    private FilingForms() {
    }

    /** A random original ID such as {@code gh_0123456789ab}, so tests never collide. */
    public static String newOriginalId() {
        return "gh_%012x".formatted(ThreadLocalRandom.current().nextLong(1L << 48));
    }

    public static Map<String, Object> account(String originalId) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("name", "睢县发布");
        account.put("wechatId", "sx" + originalId.substring(3));
        account.put("originalId", originalId);
        account.put("type", "SUBSCRIPTION");
        account.put("openedOn", "2016-05-01");
        account.put("contentCategory", "政务服务");
        account.put("registrationPlace", "河南省商丘市睢县");
        account.put("operatingPlace", "河南省商丘市睢县");
        account.put("township", "城关回族镇");
        account.put("businessScope", "发布本县政务信息");
        return account;
    }

    public static Map<String, Object> unitForm(String originalId) {
        Map<String, Object> responsible = new HashMap<>(Map.of("name", "张三", "idNumber", RESPONSIBLE_ID, "phone", "13912345678"));
        Map<String, Object> admin = new HashMap<>(Map.of("name", "李四", "idNumber", ADMIN_ID, "phone", "13812345678",
                "position", "宣传干事"));
        Map<String, Object> unit = new HashMap<>(Map.of("name", "睢县融媒体中心", "type", "INSTITUTION", "creditCode", USCC,
                "address", "睢县凤城大道1号", "responsiblePerson", responsible, "administrator", admin));
        Map<String, Object> form = new HashMap<>();
        form.put("formType", "UNIT");
        form.put("account", account(originalId));
        form.put("unit", unit);
        return form;
    }

    public static Map<String, Object> individualForm(String originalId) {
        Map<String, Object> individual = new HashMap<>(Map.of("name", "王五", "idNumber", RESPONSIBLE_ID, "phone",
                "13712345678", "address", "睢县蓼堤镇", "selfEmployed", false));
        Map<String, Object> account = account(originalId);
        account.put("name", "蓼堤生活");
        account.remove("businessScope");
        Map<String, Object> form = new HashMap<>();
        form.put("formType", "INDIVIDUAL");
        form.put("account", account);
        form.put("individual", individual);
        return form;
    }

    /** A draft with only the account's name and original ID. */
    public static Map<String, Object> minimalDraft(String originalId) {
        return new HashMap<>(Map.of("formType", "UNIT", "account", new HashMap<>(Map.of("name", "睢县发布", "originalId", originalId))));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> section(Map<String, Object> form, String... path) {
        Map<String, Object> current = form;
        for (String key : path) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }
}
