package cn.cac.gzh.console.internal;

import java.util.Map;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;
import cn.cac.gzh.common.pii.PersonalDataCipher;
import cn.cac.gzh.common.pii.PiiReencryption;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.console.CurrentStaff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "控制台-个人信息密钥", description = "管理员：更换个人信息加密密钥后，将已存储的密文改用当前密钥重新加密（docs/pii.md）")
@RestController
class PiiController {

    private final PiiReencryption reencryption;
    private final AuditTrail audit;

    PiiController(PiiReencryption reencryption, AuditTrail audit) {
        this.reencryption = reencryption;
        this.audit = audit;
    }

    /** The key protects every county's data: its rotation is the deployment's, run by the city office. */
    private static final String KEY_ROTATION = "个人信息加密密钥由市级管理员轮换";

    @Operation(summary = "仍使用旧密钥的行数", description = "每个加密字段中密文版本不是当前版本的行数。仅市级管理员（SCOPE_FORBIDDEN）。")
    @GetMapping("/api/console/admin/pii/re-encrypt")
    Map<String, Long> remaining(@AuthenticationPrincipal CurrentStaff staff) {
        CountyDrillDown.requireCity(staff, KEY_ROTATION);
        return reencryption.remaining();
    }

    @Operation(summary = "用当前密钥重新加密", description = "按主键分批（每批一个短事务），最多 maxBatches 批后返回进度；"
            + "complete=false 时再次调用即可继续。服务运行中可执行。旧版本密钥缺失或错误时不修改任何行，错误码 PII_KEY_MISSING / PII_KEY_WRONG；仅市级管理员（SCOPE_FORBIDDEN）。")
    @PostMapping("/api/console/admin/pii/re-encrypt")
    PiiReencryption.Progress reencrypt(@RequestParam(defaultValue = "500") int batchSize,
            @RequestParam(defaultValue = "1000") int maxBatches, @AuthenticationPrincipal CurrentStaff staff, HttpServletRequest http) {
        CountyDrillDown.requireCity(staff, KEY_ROTATION);
        if (batchSize < 1 || batchSize > 5000 || maxBatches < 1) {
            throw DomainException.invalid("INVALID_PARAMETER", "batchSize 应为 1–5000，maxBatches 应为正数");
        }
        PiiReencryption.Progress progress;
        try {
            progress = reencryption.run(batchSize, maxBatches);
        } catch (PersonalDataCipher.MissingKeyException e) {
            throw DomainException.conflict("PII_KEY_MISSING", "缺少旧版本加密密钥，未修改任何数据：" + e.getMessage());
        } catch (IllegalStateException e) {
            throw DomainException.conflict("PII_KEY_WRONG", "旧版本加密密钥无法解密已存储的数据，未修改任何数据");
        }
        audit.record(new AuditEntry("STAFF", staff.id(), "PII_REENCRYPTED", "PII_KEY", String.valueOf(progress.currentVersion()),
                null, http.getRemoteAddr()));
        return progress;
    }
}
