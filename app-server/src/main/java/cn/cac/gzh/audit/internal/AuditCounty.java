package cn.cac.gzh.audit.internal;

import java.util.Optional;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.common.CallerScope;
import cn.cac.gzh.region.RegionCodes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one place that decides which county an audit entry belongs to, when it is written: the county of its target
 * where the target has one (a filing, a material file through its filing, a staff account, a policy push, a county
 * itself, a county's reminder rule), else the
 * county the writing caller is bound to ({@link CallerScope}), else none. None (null) is a city-wide entry, which
 * only the city office sees; so is a target of the city office (its accounts and pushes carry the city's code).
 */
@Component
class AuditCounty {

    private final AuditCountyMapper targets;
    private final ObjectProvider<CallerScope> scope;

    AuditCounty(AuditCountyMapper targets, ObjectProvider<CallerScope> scope) {
        this.targets = targets;
        this.scope = scope;
    }

    /** The county code of {@code entry}, or null for a city-wide entry. */
    String of(AuditEntry entry) {
        if ("COUNTY".equals(entry.targetType()) || "OFFICE".equals(entry.targetType())) {
            // a county added, its place names, office information or reply texts: that county's (the city's: city-wide)
            return county(entry.targetId());
        }
        if ("REMINDER_RULE".equals(entry.targetType()) && entry.targetId() != null && entry.targetId().contains("/")) {
            // a region's rule ("411421/OPENING_WINDOW"), whoever changed it: that region's
            return county(entry.targetId().substring(0, entry.targetId().indexOf('/')));
        }
        Optional<String> target = target(entry.targetType(), entry.targetId());
        if (target.isPresent()) {
            return county(target.get());
        }
        return county(CallerScope.current(scope).orElse(null));
    }

    private Optional<String> target(String type, String id) {
        Long key = number(id);
        if (type == null || key == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (type) {
            case "FILING" -> targets.filing(key);
            case "MATERIAL_FILE" -> targets.materialFile(key);
            case "STAFF_USER" -> targets.staffUser(key);
            case "PUSH" -> targets.push(key);
            default -> null;
        });
    }

    /** A county's code as it is; a city's (the city office) or a blank one is city-wide. */
    private static String county(String code) {
        return code == null || code.isBlank() || RegionCodes.isCity(code) ? null : code;
    }

    /** Target ids are text ({@code target_id VARCHAR}): only a decimal id can name a row. */
    private static Long number(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.parseLong(id);
    }
}
