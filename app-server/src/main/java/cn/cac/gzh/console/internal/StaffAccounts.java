package cn.cac.gzh.console.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.cac.gzh.common.ErrorKind;
import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;
import cn.cac.gzh.common.Times;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.console.ConsoleProperties;
import cn.cac.gzh.console.CurrentStaff;
import cn.cac.gzh.region.RegionDirectory;
import cn.cac.gzh.console.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: sign-in with lock-out, creation, roles, passwords. Every change is audited in its own transaction
 * (never a password or hash in the detail).
 */
@Service
class StaffAccounts {

    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

    private final StaffMapper staff;
    private final RegionDirectory regions;
    private final PasswordEncoder encoder;
    private final ConsoleProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    /** Checked against when the user does not exist, so timing does not reveal valid usernames. */
    private final String dummyHash;

    StaffAccounts(StaffMapper staff, RegionDirectory regions, PasswordEncoder encoder, ConsoleProperties properties,
            AuditTrail audit, Clock clock) {
        this.staff = staff;
        this.regions = regions;
        this.encoder = encoder;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = encoder.encode("no-such-user-" + System.nanoTime());
    }

    /** Who signs in, or a 401 that does not say whether the name or the password was wrong. */
    @Transactional(noRollbackFor = DomainException.class)
    public CurrentStaff signIn(String username, String password, String clientIp) {
        LocalDateTime now = LocalDateTime.now(clock);
        StaffMapper.StaffRow row = staff.byUsername(username);
        if (row == null) {
            encoder.matches(password, dummyHash);
            throw failed();
        }
        if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
            audit.record(new AuditEntry("STAFF", row.id(), "LOGIN_REFUSED", "STAFF_USER", String.valueOf(row.id()), "locked", clientIp));
            throw new DomainException(ErrorKind.UNAUTHENTICATED, "ACCOUNT_LOCKED", "登录失败次数过多，账号已锁定至 "
                    + Times.display(row.lockedUntil()).format(DateTimeFormatter.ofPattern("HH:mm")) + "，请稍后再试或联系管理员");
        }
        if (!encoder.matches(password, row.passwordHash())) {
            staff.recordFailure(row.id(), properties.maxFailedLogins(), now.plus(properties.lockDuration()), now);
            audit.record(new AuditEntry("STAFF", row.id(), "LOGIN_FAILED", "STAFF_USER", String.valueOf(row.id()), null, clientIp));
            StaffMapper.StaffRow after = staff.byId(row.id());
            if (after.lockedUntil() != null && after.lockedUntil().isAfter(now)
                    && (row.lockedUntil() == null || !row.lockedUntil().isAfter(now))) {
                audit.record(new AuditEntry("SYSTEM", null, "STAFF_LOCKED", "STAFF_USER", String.valueOf(row.id()),
                        "failedAttempts=" + after.failedAttempts() + " until=" + Times.display(after.lockedUntil()), clientIp));
            }
            throw failed();
        }
        if (!row.enabled()) {
            audit.record(new AuditEntry("STAFF", row.id(), "LOGIN_REFUSED", "STAFF_USER", String.valueOf(row.id()), "disabled", clientIp));
            throw new DomainException(ErrorKind.UNAUTHENTICATED, "ACCOUNT_DISABLED", "账号已停用，请联系管理员");
        }
        staff.recordSuccess(row.id(), now);
        audit.record(new AuditEntry("STAFF", row.id(), "LOGIN", "STAFF_USER", String.valueOf(row.id()), null, clientIp));
        return current(row);
    }

    /**
     * A new account for the actor's office: {@code scopeCode} a county of the city or the city itself (the city office
     * only); left out, the actor's own scope.
     */
    @Transactional
    public CurrentStaff create(String username, String displayName, String password, Set<StaffRole> roles, String scopeCode,
            CurrentStaff actor, String clientIp) {
        String scope = scopeCode == null ? actor.scopeCode() : scopeCode;
        requireScope(scope, actor);
        CurrentStaff created = insert(username, displayName, password, roles, scope);
        audit.record(new AuditEntry("STAFF", actor.id(), "STAFF_CREATED", "STAFF_USER", String.valueOf(created.id()),
                "username=" + created.username() + " roles=" + names(created.roles()) + " scope=" + scope + " enabled=true",
                clientIp));
        return created;
    }

    private CurrentStaff insert(String username, String displayName, String password, Set<StaffRole> roles, String scope) {
        PasswordPolicy.require(username, password);
        if (roles.isEmpty()) {
            throw DomainException.invalid("ROLE_REQUIRED", "至少选择一个角色");
        }
        var row = new StaffMapper.NewStaff();
        row.username = username;
        row.displayName = displayName;
        row.passwordHash = encoder.encode(password);
        row.scopeCode = scope;
        row.at = LocalDateTime.now(clock);
        try {
            staff.insert(row);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("USERNAME_TAKEN", "用户名已存在");
        }
        roles.forEach(role -> staff.addRole(row.id, role));
        log.info("Staff account created: staffId={} roles={}", row.id, roles);
        return current(staff.byId(row.id));
    }

    /**
     * Name, enabled, roles and (the city office only) the scope. Refused when it would leave no enabled administrator
     * of the city (nobody could then add a county or see across counties).
     */
    @Transactional
    public CurrentStaff update(long id, String displayName, boolean enabled, Set<StaffRole> roles, String scopeCode,
            CurrentStaff actor, String clientIp) {
        // first, before anything is read: changes that could each leave the city without an administrator take turns,
        // and the next one's reads (its snapshot starts after the lock) see the one before it
        staff.lockCity(regions.cityCode());
        StaffMapper.StaffRow row = require(id);
        if (roles.isEmpty()) {
            throw DomainException.invalid("ROLE_REQUIRED", "至少选择一个角色");
        }
        String scope = scopeCode == null ? row.scopeCode() : scopeCode;
        if (!scope.equals(row.scopeCode())) {
            requireScope(scope, actor);
        }
        Set<StaffRole> before = rolesOf(id);
        String name = displayName == null ? row.displayName() : displayName;
        staff.update(id, name, enabled, scope, LocalDateTime.now(clock));
        staff.clearRoles(id);
        roles.forEach(role -> staff.addRole(id, role));
        if (staff.enabledAdministratorsOf(regions.cityCode()) == 0) {
            throw DomainException.conflict("LAST_CITY_ADMIN", "至少须保留一名启用的市级管理员");
        }
        CurrentStaff updated = current(staff.byId(id));
        StringBuilder detail = new StringBuilder();
        if (!before.equals(updated.roles())) {
            detail.append("roles=").append(names(before)).append("->").append(names(updated.roles())).append(' ');
        }
        if (row.enabled() != enabled) {
            detail.append("enabled=").append(row.enabled()).append("->").append(enabled).append(' ');
        }
        if (!scope.equals(row.scopeCode())) {
            detail.append("scope=").append(row.scopeCode()).append("->").append(scope).append(' ');
        }
        if (!name.equals(row.displayName())) {
            detail.append("displayName changed ");
        }
        audit.record(new AuditEntry("STAFF", actor.id(), "STAFF_UPDATED", "STAFF_USER", String.valueOf(id),
                detail.isEmpty() ? "no change" : detail.toString().strip(), clientIp));
        return updated;
    }

    /** A scope is a county of the city or the city itself; only the city office gives one other than its own. */
    private void requireScope(String scope, CurrentStaff actor) {
        if (!regions.hasCounty(scope) && !scope.equals(regions.cityCode())) {
            throw DomainException.invalid("SCOPE_UNKNOWN", "所选县（区）或市不在本平台服务范围内");
        }
        if (!actor.citywide() && !scope.equals(actor.scopeCode())) {
            throw DomainException.forbidden("SCOPE_FORBIDDEN", "只能为本县（区）创建或调整工作人员账号");
        }
    }

    /**
     * The account as it is now, whatever the caller's scope (a session follows its account: {@link StaffSessionRefresh});
     * empty when it is gone or disabled.
     */
    Optional<CurrentStaff> reload(long id) {
        StaffMapper.StaffRow row = staff.byIdInAnyScope(id);
        if (row == null || !row.enabled()) {
            return Optional.empty();
        }
        return Optional.of(new CurrentStaff(row.id(), row.username(), row.displayName(), rolesOf(row.id()), row.scopeCode()));
    }

    @Transactional
    public void changePassword(long id, String currentPassword, String newPassword, String clientIp) {
        StaffMapper.StaffRow row = require(id);
        if (!encoder.matches(currentPassword, row.passwordHash())) {
            throw DomainException.invalid("PASSWORD_MISMATCH", "当前密码不正确");
        }
        PasswordPolicy.require(row.username(), newPassword);
        staff.setPassword(id, encoder.encode(newPassword), LocalDateTime.now(clock));
        audit.record(new AuditEntry("STAFF", id, "STAFF_PASSWORD_CHANGED", "STAFF_USER", String.valueOf(id), null, clientIp));
    }

    /** An administrator sets a new password (and thereby unlocks the account). */
    @Transactional
    public void resetPassword(long id, String newPassword, long actorId, String clientIp) {
        StaffMapper.StaffRow row = require(id);
        PasswordPolicy.require(row.username(), newPassword);
        staff.setPassword(id, encoder.encode(newPassword), LocalDateTime.now(clock));
        boolean wasLocked = row.lockedUntil() != null && row.lockedUntil().isAfter(LocalDateTime.now(clock));
        audit.record(new AuditEntry("STAFF", actorId, "STAFF_PASSWORD_RESET", "STAFF_USER", String.valueOf(id),
                wasLocked ? "unlocked" : null, clientIp));
    }

    List<StaffMapper.StaffRow> all() {
        return staff.all();
    }

    Set<StaffRole> rolesOf(long id) {
        List<StaffRole> roles = staff.roles(id);
        return roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean createFirstAdministrator(String username, String password) {
        if (staff.count() > 0) {
            return false;
        }
        try {
            // the first administrator runs the deployment: the city office
            CurrentStaff admin = insert(username, "系统管理员", password,
                    EnumSet.of(StaffRole.ADMIN, StaffRole.REVIEWER, StaffRole.PUBLISHER), regions.cityCode());
            audit.record(new AuditEntry("SYSTEM", null, "STAFF_CREATED", "STAFF_USER", String.valueOf(admin.id()),
                    "username=" + admin.username() + " roles=" + names(admin.roles()) + " enabled=true bootstrap", null));
            return true;
        } catch (DomainException e) {
            if ("USERNAME_TAKEN".equals(e.code())) {
                return false; // another instance was first
            }
            throw e;
        }
    }

    private StaffMapper.StaffRow require(long id) {
        StaffMapper.StaffRow row = staff.byId(id);
        if (row == null) {
            throw DomainException.notFound("STAFF_NOT_FOUND", "用户不存在");
        }
        return row;
    }

    private CurrentStaff current(StaffMapper.StaffRow row) {
        return new CurrentStaff(row.id(), row.username(), row.displayName(), rolesOf(row.id()), row.scopeCode());
    }

    /** Role names in a stable order, for the audit detail. */
    private static String names(Set<StaffRole> roles) {
        return roles.stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static DomainException failed() {
        return new DomainException(ErrorKind.UNAUTHENTICATED, "LOGIN_FAILED", "用户名或密码错误");
    }
}
