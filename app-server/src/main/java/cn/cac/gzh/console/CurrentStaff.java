package cn.cac.gzh.console;

import java.io.Serializable;
import java.util.Set;

/** The signed-in staff member ({@code @AuthenticationPrincipal}); kept in the (Redis) session, hence serializable. */
public record CurrentStaff(long id, String username, String displayName, Set<StaffRole> roles) implements Serializable {
}
