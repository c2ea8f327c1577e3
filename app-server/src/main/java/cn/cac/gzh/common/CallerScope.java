package cn.cac.gzh.common;

import java.util.Optional;

/**
 * The county the current caller is bound to, when it is bound to one: a county office's staff member during
 * their request. Empty for the city office, operators, WeChat and scheduled jobs, which are not narrowed.
 */
public interface CallerScope {

    Optional<String> county();
}
