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
        String column = textColumn(query.text());
        if (column != null) {
            // likeRight appends the %; the user's own % and _ are escaped
            where.likeRight(column, escapeLike(query.text().strip()));
        }
        if (query.subject() != null && !query.subject().isBlank()) {
            where.likeRight("subject_name", escapeLike(query.subject().strip()));
        }
        where.eq(query.status() != null, "status", query.status() == null ? null : query.status().name())
                .eq(query.township() != null && !query.township().isBlank(), "township", query.township())
                .eq(query.formType() != null, "form_type", query.formType() == null ? null : query.formType().name())
                .eq(query.operatorId() != null, "operator_id", query.operatorId())
                .ge(query.dueFrom() != null, "due_on", query.dueFrom())
                .le(query.dueTo() != null, "due_on", query.dueTo());
        if (!query.counties().isEmpty()) {
            where.in("county_code", query.counties());
        }
        if (query.materialMismatch() != null) {
            where.eq("material_mismatch", query.materialMismatch());
        }
        if (Boolean.TRUE.equals(query.overdue())) {
            where.in("status", "DRAFT", "REJECTED").lt("due_on", today);
        }
        return where;
    }

    /** The column a search text is about, or {@code null} when there is no text. */
    static String textColumn(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.regionMatches(true, 0, "gh_", 0, 3)) {
            return "account_original_id";
        }
        if (value.matches("\\d{6}-.*")) {
            return "filing_number";
        }
        if (value.matches("[A-Za-z][-_A-Za-z0-9]*")) {
            return "account_wechat_id";
        }
        return "account_name";
    }

    /** Treats the user's % and _ as characters, not wildcards. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
