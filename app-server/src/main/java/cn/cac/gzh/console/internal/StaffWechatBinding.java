package cn.cac.gzh.console.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;
import cn.cac.gzh.officialaccount.TextCommand;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links a staff member's WeChat (their openid with the official account) to their console account,
 * so that the overdue digest reaches them as a template message: the console shows a one-time code,
 * the staff member sends "绑定 123456" to the official account. Codes live in Redis for ten minutes
 * and are taken exactly once (GETDEL), whichever instance the message reaches.
 */
@Component
class StaffWechatBinding implements TextCommand {

    static final Duration CODE_LIFE = Duration.ofMinutes(10);
    private static final Pattern COMMAND = Pattern.compile("^绑定\\s*(\\d{6})$");
    private static final String KEY = "gzh:staff-bind:";

    private final StringRedisTemplate redis;
    private final StaffMapper staff;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    StaffWechatBinding(StringRedisTemplate redis, StaffMapper staff, TransactionTemplate transaction, AuditTrail audit) {
        this.redis = redis;
        this.staff = staff;
        this.transaction = transaction;
        this.audit = audit;
    }

    /** A fresh six-digit code for this staff member. */
    String newCode(long staffId) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = "%06d".formatted(random.nextInt(1_000_000));
            if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(KEY + code, String.valueOf(staffId), CODE_LIFE))) {
                return code;
            }
        }
        throw new IllegalStateException("No free binding code after 20 attempts");
    }

    boolean isBound(long staffId) {
        Boolean bound = staff.hasOpenid(staffId);
        if (bound == null) {
            throw new IllegalStateException("No staff account " + staffId);
        }
        return bound;
    }

    void unbind(long staffId, String clientIp) {
        transaction.executeWithoutResult(status -> {
            staff.setOpenid(staffId, null);
            audit.record(new AuditEntry("STAFF", staffId, "STAFF_WECHAT_UNBIND", "STAFF_USER", String.valueOf(staffId), null, clientIp));
        });
    }

    @Override
    public Optional<String> reply(String openid, String text) {
        Matcher matcher = COMMAND.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String staffId = redis.opsForValue().getAndDelete(KEY + matcher.group(1));
        if (staffId == null) {
            return Optional.of("绑定码无效或已过期，请在管理后台“我的账号”中重新获取。");
        }
        long id = Long.parseLong(staffId);
        String name = transaction.execute(status -> {
            // one WeChat, one staff account: a previous holder of this openid loses it
            staff.releaseOpenid(openid, id);
            staff.setOpenid(id, openid);
            audit.record(new AuditEntry("STAFF", id, "STAFF_WECHAT_BIND", "STAFF_USER", staffId, null, null));
            String displayName = staff.displayName(id);
            if (displayName == null) {
                throw new IllegalStateException("No staff account " + id); // rolls the binding back
            }
            return displayName;
        });
        return Optional.of("绑定成功：" + name + "。今后每天的逾期未备案汇总将通过本公众号发送给您。");
    }
}
