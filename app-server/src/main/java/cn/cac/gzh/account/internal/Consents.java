package cn.cac.gzh.account.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

import cn.cac.gzh.account.OperatorConsents;
import cn.cac.gzh.common.db.RetryTransientFailures;
import cn.cac.gzh.common.DomainException;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The privacy notice in force and who accepted it. */
@Service
class Consents implements OperatorConsents {

    private final ConsentMapper mapper;
    private final Clock clock;

    Consents(ConsentMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    record PrivacyNotice(String version, String title, String content, LocalDateTime publishedAt) {
    }

    PrivacyNotice current() {
        return Optional.ofNullable(mapper.currentNotice(LocalDateTime.now(clock)))
                .orElseThrow(() -> new IllegalStateException("No privacy notice is published"));
    }

    boolean hasAcceptedCurrent(long operatorId) {
        return mapper.hasAccepted(operatorId, current().version());
    }

    @Transactional
    @RetryTransientFailures
    void accept(long operatorId, String version, boolean personalInfo, boolean sensitiveInfo) {
        PrivacyNotice notice = current();
        if (!notice.version().equals(version)) {
            throw DomainException.conflict("CONSENT_VERSION_OUTDATED", "隐私政策已更新，请阅读最新版本后再同意");
        }
        if (!personalInfo || !sensitiveInfo) {
            throw DomainException.invalid("CONSENT_INCOMPLETE", "需同意个人信息处理及敏感个人信息（身份证号码、身份证影像）处理，方可办理登记备案");
        }
        mapper.insertIgnoringRepeat(operatorId, version, LocalDateTime.now(clock));
    }

    @Override
    public void requireCurrentConsent(long operatorId) {
        if (!hasAcceptedCurrent(operatorId)) {
            throw DomainException.forbidden("CONSENT_REQUIRED", "请先阅读并同意最新版隐私政策");
        }
    }

    @Mapper
    interface ConsentMapper {

        @Select("""
                SELECT version, title, content, published_at FROM account_privacy_notice
                WHERE published_at <= #{now} ORDER BY published_at DESC LIMIT 1
                """)
        PrivacyNotice currentNotice(LocalDateTime now);

        @Select("""
                SELECT COUNT(*) > 0 FROM account_consent
                WHERE operator_id = #{operatorId} AND notice_version = #{version} AND personal_info AND sensitive_info
                """)
        boolean hasAccepted(long operatorId, String version);

        /** A repeated acceptance of the same version keeps the first one's time. */
        @Insert("""
                INSERT INTO account_consent (operator_id, notice_version, personal_info, sensitive_info, accepted_at)
                VALUES (#{operatorId}, #{version}, TRUE, TRUE, #{now})
                ON DUPLICATE KEY UPDATE operator_id = operator_id
                """)
        void insertIgnoringRepeat(long operatorId, String version, LocalDateTime now);
    }
}
