package cn.cac.gzh.common;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The county the current caller is bound to, when it is bound to one: a county office's staff member during
 * their request. Empty for the city office, operators, WeChat and scheduled jobs, which are not narrowed.
 */
public interface CallerScope {

    Optional<String> county();

    /** The county of the current caller, where a scope is configured at all (module tests may run without one). */
    static Optional<String> current(ObjectProvider<CallerScope> scope) {
        CallerScope caller = scope.getIfAvailable();
        return caller == null ? Optional.empty() : caller.county();
    }
}
