package cn.cac.devservices.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.cac.gzh.filing.FormType;

/**
 * One official account of the demo county and what becomes of its filing. {@link #plan} spreads 300 of them over the
 * county's townships, 表一 unit types and 表二 individuals, and over every state a filing can be in.
 *
 * @param n             the account's number (0…), which also names its operator ({@code n / 2})
 * @param outcome       where the filing ends up
 * @param openedOn      the account's opening date, which sets the filing's deadline as the service computes it
 */
record DemoFiling(int n, FormType formType, String township, String unitType, String accountName, String subjectName,
        String creditCode, DemoPeople.Person responsible, DemoPeople.Person administrator, LocalDate openedOn,
        Outcome outcome) {

    /** Where a demo filing ends up. */
    enum Outcome {
        /** a draft not yet due (some on the days the 30-day reminders go out) */
        DRAFT,
        /** a draft past its deadline (some since the 2016 campaign, some since yesterday) */
        DRAFT_OVERDUE,
        SUBMITTED,
        APPROVED,
        /** approved, and the stamped paper form arrived */
        APPROVED_PAPER,
        /** sent back with a reason */
        REJECTED,
        /** approved, then withdrawn by its operator (account closed) */
        REVOKED
    }

    static final int SIZE = 300;
    private static final Map<Outcome, Integer> COUNTS = Map.of(Outcome.DRAFT, 30, Outcome.DRAFT_OVERDUE, 20,
            Outcome.SUBMITTED, 40, Outcome.APPROVED, 105, Outcome.APPROVED_PAPER, 60, Outcome.REJECTED, 25,
            Outcome.REVOKED, 20);
    private static final String[] UNIT_TYPES = {"TOWNSHIP", "ORGAN", "ENTERPRISE", "INSTITUTION", "SOCIAL_GROUP", "COMPANY",
            "STATIONED_UNIT"};
    private static final String[] CATEGORIES = {"政务服务", "新闻资讯", "生活服务", "教育培训", "文化旅游", "农业农村"};

    /** The county's 300 accounts, the same every time ({@code townships}: the county's dictionary, in order). */
    static List<DemoFiling> plan(List<String> townships, LocalDate today) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            outcomes.addAll(Collections.nCopies(COUNTS.get(outcome), outcome));
        }
        Collections.shuffle(outcomes, new Random(2016_08_03L));
        Map<Outcome, Integer> seen = new HashMap<>();
        List<DemoFiling> filings = new ArrayList<>();
        for (int n = 0; n < SIZE; n++) {
            Outcome outcome = outcomes.get(n);
            int k = seen.merge(outcome, 1, Integer::sum) - 1;
            String township = townships.get(n % townships.size());
            boolean unit = n % 9 < 4;
            String unitType = unit ? UNIT_TYPES[n % UNIT_TYPES.length] : null;
            DemoPeople.Person responsible = DemoPeople.person(2 * n);
            DemoPeople.Person administrator = DemoPeople.person(2 * n + 1);
            String subject = unit ? DemoPeople.unitName(n, unitType, township) : responsible.name();
            filings.add(new DemoFiling(n, unit ? FormType.UNIT : FormType.INDIVIDUAL, township, unitType,
                    DemoPeople.accountName(n, township), subject, unit ? DemoPeople.creditCode(n) : null, responsible,
                    administrator, openedOn(outcome, k, n, today), outcome));
        }
        return filings;
    }

    /**
     * Opening dates that give each state a believable deadline (30 days after opening; before the 2016 campaign its
     * end): fresh drafts were opened 7, 20 and 27 days ago (the 30-day reminder's days) or lately; overdue ones long
     * ago or 31 days ago (due yesterday: the overdue notice's day); half of the sent-back ones are overdue too.
     */
    private static LocalDate openedOn(Outcome outcome, int k, int n, LocalDate today) {
        return switch (outcome) {
            case DRAFT -> today.minusDays(new int[] {7, 20, 27, 2, 12}[k % 5]);
            case DRAFT_OVERDUE -> k % 2 == 0 ? LocalDate.of(2015, 3, 1).plusDays(k * 11L) : today.minusDays(31 + (k / 2) % 3 * 20);
            case REJECTED -> k % 2 == 0 ? LocalDate.of(2015, 6, 1).plusDays(k * 7L) : today.minusDays(10 + k);
            default -> LocalDate.of(2014, 1, 1).plusDays((n * 37L) % 4300);
        };
    }

    /** The form as the mini-program sends it. */
    Map<String, Object> form() {
        Map<String, Object> account = new HashMap<>();
        account.put("name", accountName);
        account.put("wechatId", "demo_sx%04d".formatted(n));
        account.put("originalId", "gh_de70%08x".formatted(n));
        account.put("type", n % 3 == 0 ? "SERVICE" : "SUBSCRIPTION");
        account.put("openedOn", openedOn.toString());
        account.put("contentCategory", CATEGORIES[n % CATEGORIES.length]);
        account.put("registrationPlace", "河南省商丘市睢县");
        account.put("operatingPlace", "河南省商丘市睢县" + township);
        account.put("township", township);
        Map<String, Object> form = new HashMap<>();
        form.put("formType", formType.name());
        form.put("account", account);
        if (formType == FormType.UNIT) {
            account.put("businessScope", "发布" + subjectName + "的工作动态和服务信息（演示数据）");
            form.put("unit", Map.of("name", subjectName, "type", unitType, "creditCode", creditCode,
                    "address", "睢县" + township + "示例路" + (n % 50 + 1) + "号",
                    "responsiblePerson", Map.of("name", responsible.name(), "idNumber", responsible.idNumber(),
                            "phone", responsible.phone()),
                    "administrator", Map.of("name", administrator.name(), "idNumber", administrator.idNumber(),
                            "phone", administrator.phone(), "position", "宣传干事")));
        } else {
            boolean selfEmployed = n % 4 == 0;
            Map<String, Object> individual = new HashMap<>(Map.of("name", responsible.name(), "idNumber",
                    responsible.idNumber(), "phone", responsible.phone(), "address", "睢县" + township + "示例村" + (n % 30 + 1) + "号",
                    "selfEmployed", selfEmployed));
            if (selfEmployed) {
                individual.put("businessName", "示例" + township.substring(0, Math.min(2, township.length())) + "小店" + n);
                individual.put("licenceNumber", DemoPeople.creditCode(1000 + n));
            }
            form.put("individual", individual);
        }
        return form;
    }

    boolean handedIn() {
        return outcome != Outcome.DRAFT && outcome != Outcome.DRAFT_OVERDUE;
    }
}
