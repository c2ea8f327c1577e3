package cn.cac.gzh.console;

import java.io.Serializable;
import java.util.Set;

import cn.cac.gzh.region.RegionCodes;

/**
 * The signed-in staff member ({@code @AuthenticationPrincipal}); kept in the (Redis) session, hence serializable.
 *
 * @param scopeCode what they may see: a county's code (a county office) or a city's, ending in 00 (the city office)
 */
public record CurrentStaff(long id, String username, String displayName, Set<StaffRole> roles, String scopeCode)
        implements Serializable {

    /** The city office sees every county; a session from before scopes existed counts as a county one. */
    public boolean citywide() {
        return RegionCodes.isCity(scopeCode);
    }
}
