package cn.cac.gzh.filing.internal;

import java.time.LocalDate;

import cn.cac.gzh.filing.RegistryQuery;
import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;

/** The registry's filters as SQL conditions, shared by the search and the exports. */
final class RegistryFilters {

    private RegistryFilters() {
    }

    static QueryWrapper<FilingRow> where(RegistryQuery query, LocalDate today) {
        QueryWrapper<FilingRow> where = new QueryWrapper<>();
        if (query.text() != null && !query.text().isBlank()) {
            // likeRight appends the %; the user's own % and _ are escaped
            String prefix = escapeLike(query.text().strip());
            where.and(w -> w.likeRight("account_name", prefix).or().likeRight("subject_name", prefix)
                    .or().likeRight("account_wechat_id", prefix).or().likeRight("account_original_id", prefix)
                    .or().likeRight("filing_number", prefix));
        }
        where.eq(query.status() != null, "status", query.status() == null ? null : query.status().name())
                .eq(query.township() != null && !query.township().isBlank(), "township", query.township())
                .eq(query.formType() != null, "form_type", query.formType() == null ? null : query.formType().name())
                .eq(query.operatorId() != null, "operator_id", query.operatorId())
                .ge(query.dueFrom() != null, "due_on", query.dueFrom())
                .le(query.dueTo() != null, "due_on", query.dueTo());
        if (Boolean.TRUE.equals(query.overdue())) {
            where.in("status", "DRAFT", "REJECTED").lt("due_on", today);
        }
        return where;
    }

    /** Treats the user's % and _ as characters, not wildcards. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
