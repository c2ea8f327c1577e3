package cn.cac.gzh.console.internal;

import java.util.Optional;

import cn.cac.gzh.common.CallerScope;
import cn.cac.gzh.console.CurrentStaff;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A county office's staff member, while their request runs, is bound to their county; the city office is not,
 * unless the request drills down to one county ({@link CountyDrillDown}, checked by the controller).
 */
@Component
class StaffCallerScope implements CallerScope {

    @Override
    public Optional<String> county() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentStaff staff)) {
            return Optional.empty();
        }
        if (staff.citywide()) {
            return CountyDrillDown.requested();
        }
        // a session from before scopes existed has none: it sees nothing until its owner signs in again
        return Optional.of(staff.scopeCode() == null ? "" : staff.scopeCode());
    }
}
