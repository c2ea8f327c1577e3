package cn.cac.gzh.reminder.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.cac.gzh.region.RegionCodes;

/**
 * Every office's reminder rules, read at once (a scan reads them once): a county's filings follow the county's own row
 * of a rule where it has one, else the city's row of that rule (fallback per rule code).
 *
 * @param rows by rule, then by region code (the city's or a county's)
 */
record RuleBook(Map<RuleCode, Map<String, Rule>> rows) {

    /** The rule {@code code} as it applies to {@code regionCode} (a county or the city); null if nobody has a row. */
    Rule of(RuleCode code, String regionCode) {
        Map<String, Rule> ofCode = rows.getOrDefault(code, Map.of());
        Rule own = ofCode.get(regionCode);
        return own != null ? own : ofCode.get(RegionCodes.cityOf(regionCode));
    }

    /** Every rule as it applies to {@code regionCode}, in the order of {@link RuleCode}. */
    List<Rule> forOffice(String regionCode) {
        List<Rule> rules = new ArrayList<>();
        for (RuleCode code : RuleCode.values()) {
            Rule rule = of(code, regionCode);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    /** The rows of {@code code} (every office's) that are on. */
    List<Rule> enabledRows(RuleCode code) {
        return rows.getOrDefault(code, Map.of()).values().stream().filter(Rule::enabled).toList();
    }
}
