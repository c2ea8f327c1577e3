package cn.cac.gzh.console.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;
import cn.cac.gzh.common.Times;
import cn.cac.gzh.common.web.ApiException;
import cn.cac.gzh.console.ConsoleProperties;
import cn.cac.gzh.console.CurrentStaff;
import cn.cac.gzh.console.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: sign-in with lock-out, creation, roles, passwords. */
@Service
class StaffAccounts {

    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

    private final StaffMapper staff;
    private final PasswordEncoder encoder;
    private final ConsoleProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    /** Checked against when the user does not exist, so timing does not reveal valid usernames. */
    private final String dummyHash;

    StaffAccounts(StaffMapper staff, PasswordEncoder encoder, ConsoleProperties properties, AuditTrail audit, Clock clock) {
        this.staff = staff;
        this.encoder = encoder;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.dummyHash = encoder.encode("no-such-user-" + System.nanoTime());
    }

    /** Who signs in, or a 401 that does not say whether the name or the password was wrong. */
    @Transactional(noRollbackFor = ApiException.class)
    public CurrentStaff signIn(String username, String password, String clientIp) {
        LocalDateTime now = LocalDateTime.now(clock);
        StaffMapper.StaffRow row = staff.byUsername(username);
        if (row == null) {
            encoder.matches(password, dummyHash);
            throw failed();
        }
        if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "ACCOUNT_LOCKED", "登录失败次数过多，账号已锁定至 "
                    + Times.display(row.lockedUntil()).format(DateTimeFormatter.ofPattern("HH:mm")) + "，请稍后再试或联系管理员");
        }
        if (!encoder.matches(password, row.passwordHash())) {
            staff.recordFailure(row.id(), properties.maxFailedLogins(), now.plus(properties.lockDuration()), now);
            audit.record(new AuditEntry("STAFF", row.id(), "LOGIN_FAILED", "STAFF_USER", String.valueOf(row.id()), null, clientIp));
            throw failed();
        }
        if (!row.enabled()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "ACCOUNT_DISABLED", "账号已停用，请联系管理员");
        }
        staff.recordSuccess(row.id(), now);
        audit.record(new AuditEntry("STAFF", row.id(), "LOGIN", "STAFF_USER", String.valueOf(row.id()), null, clientIp));
        return current(row);
    }

    @Transactional
    public CurrentStaff create(String username, String displayName, String password, Set<StaffRole> roles) {
        return insert(username, displayName, password, roles);
    }

    private CurrentStaff insert(String username, String displayName, String password, Set<StaffRole> roles) {
        PasswordPolicy.require(username, password);
        if (roles.isEmpty()) {
            throw ApiException.badRequest("ROLE_REQUIRED", "至少选择一个角色");
        }
        var row = new StaffMapper.NewStaff();
        row.username = username;
        row.displayName = displayName;
        row.passwordHash = encoder.encode(password);
        row.at = LocalDateTime.now(clock);
        try {
            staff.insert(row);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("USERNAME_TAKEN", "用户名已存在");
        }
        roles.forEach(role -> staff.addRole(row.id, role));
        log.info("Staff account created: staffId={} roles={}", row.id, roles);
        return current(staff.byId(row.id));
    }

    @Transactional
    public CurrentStaff update(long id, String displayName, boolean enabled, Set<StaffRole> roles) {
        StaffMapper.StaffRow row = require(id);
        if (roles.isEmpty()) {
            throw ApiException.badRequest("ROLE_REQUIRED", "至少选择一个角色");
        }
        staff.update(id, displayName == null ? row.displayName() : displayName, enabled, LocalDateTime.now(clock));
        staff.clearRoles(id);
        roles.forEach(role -> staff.addRole(id, role));
        return current(staff.byId(id));
    }

    @Transactional
    public void changePassword(long id, String currentPassword, String newPassword) {
        StaffMapper.StaffRow row = require(id);
        if (!encoder.matches(currentPassword, row.passwordHash())) {
            throw ApiException.badRequest("PASSWORD_MISMATCH", "当前密码不正确");
        }
        PasswordPolicy.require(row.username(), newPassword);
        staff.setPassword(id, encoder.encode(newPassword), LocalDateTime.now(clock));
    }

    /** An administrator sets a new password (and thereby unlocks the account). */
    @Transactional
    public void resetPassword(long id, String newPassword) {
        StaffMapper.StaffRow row = require(id);
        PasswordPolicy.require(row.username(), newPassword);
        staff.setPassword(id, encoder.encode(newPassword), LocalDateTime.now(clock));
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
            insert(username, "系统管理员", password, EnumSet.of(StaffRole.ADMIN, StaffRole.REVIEWER, StaffRole.PUBLISHER));
            return true;
        } catch (ApiException e) {
            if ("USERNAME_TAKEN".equals(e.code())) {
                return false; // another instance was first
            }
            throw e;
        }
    }

    private StaffMapper.StaffRow require(long id) {
        StaffMapper.StaffRow row = staff.byId(id);
        if (row == null) {
            throw ApiException.notFound("STAFF_NOT_FOUND", "用户不存在");
        }
        return row;
    }

    private CurrentStaff current(StaffMapper.StaffRow row) {
        return new CurrentStaff(row.id(), row.username(), row.displayName(), rolesOf(row.id()));
    }

    private static ApiException failed() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "LOGIN_FAILED", "用户名或密码错误");
    }
}
