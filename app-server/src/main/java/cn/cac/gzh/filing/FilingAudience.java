package cn.cac.gzh.filing;

import java.util.List;

/** Operators selected by registry filters, for addressing messages to them. */
public interface FilingAudience {

    /**
     * Distinct operators with at least one filing matching {@code filter} (status, township, form type,
     * overdue; text, sort and paging are ignored), in id order after {@code afterOperatorId}.
     */
    List<Long> operatorsAfter(RegistryQuery filter, long afterOperatorId, int limit);
}
