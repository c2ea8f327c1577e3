package cn.cac.gzh.reminder.internal;

import java.time.LocalDate;

/** A notice to write; (rule, filing, occasion, step) or the transition makes it unique. */
record NewNotice(String kind, String ruleCode, long filingId, long operatorId, LocalDate occasion, Integer step,
        Long transitionId, String title, String body) {

    static final String REMINDER = "REMINDER";
    static final String REVIEW_RESULT = "REVIEW_RESULT";
}
