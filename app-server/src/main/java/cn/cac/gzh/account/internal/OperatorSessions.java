package cn.cac.gzh.account.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

import cn.cac.gzh.account.AccountProperties;
import cn.cac.gzh.account.CurrentOperator;
import cn.cac.gzh.common.pii.PersonalDataCipher;
import cn.cac.gzh.common.web.ApiException;
import cn.cac.gzh.wechat.MiniProgramGateway;
import cn.cac.gzh.wechat.MiniProgramSession;
import cn.cac.gzh.wechat.WechatCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Login with a {@code wx.login} code, and the lifecycle of our bearer tokens. */
@Service
class OperatorSessions {

    private static final Logger log = LoggerFactory.getLogger(OperatorSessions.class);

    private final MiniProgramGateway wechat;
    private final OperatorMapper operators;
    private final SessionMapper sessions;
    private final SessionTokens tokens;
    private final PersonalDataCipher cipher;
    private final AccountProperties properties;
    private final Clock clock;

    OperatorSessions(MiniProgramGateway wechat, OperatorMapper operators, SessionMapper sessions, SessionTokens tokens,
            PersonalDataCipher cipher, AccountProperties properties, Clock clock) {
        this.wechat = wechat;
        this.operators = operators;
        this.sessions = sessions;
        this.tokens = tokens;
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
    }

    /** Issued tokens; the plain tokens exist only in this answer. */
    record IssuedTokens(long operatorId, String accessToken, LocalDateTime accessExpiresAt,
            String refreshToken, LocalDateTime refreshExpiresAt) {
    }

    @Transactional
    public IssuedTokens login(String code) {
        MiniProgramSession session = exchange(code);
        LocalDateTime now = LocalDateTime.now(clock);
        OperatorRow operator = operators.lockByOpenid(session.openid());
        if (operator == null) {
            operator = new OperatorRow();
            operator.setOpenid(session.openid());
            operator.setCreatedAt(now);
        }
        if (session.unionid() != null) {
            operator.setUnionid(session.unionid());
        }
        operator.setSessionKey(cipher.encrypt(session.sessionKey()));
        operator.setLastLoginAt(now);
        operator.setUpdatedAt(now);
        if (operator.getId() == null) {
            operators.insert(operator);
        } else {
            operators.updateById(operator);
        }
        log.info("Operator logged in: operatorId={}", operator.getId());
        return issue(operator.getId(), now);
    }

    /** Trades a live refresh token for a new pair; the old pair stops working (rotation). */
    @Transactional
    public IssuedTokens refresh(String refreshToken) {
        LocalDateTime now = LocalDateTime.now(clock);
        String hash = SessionTokens.hash(refreshToken);
        Long operatorId = sessions.lockLiveRefreshToken(hash, now);
        if (operatorId == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "REFRESH_TOKEN_INVALID", "登录已失效，请重新登录");
        }
        sessions.revokeByRefreshToken(hash, now);
        return issue(operatorId, now);
    }

    @Transactional
    public void logout(String accessToken) {
        sessions.revokeByAccessToken(SessionTokens.hash(accessToken), LocalDateTime.now(clock));
    }

    Optional<CurrentOperator> authenticate(String accessToken) {
        Long operatorId = sessions.findOperatorByAccessToken(SessionTokens.hash(accessToken), LocalDateTime.now(clock));
        return Optional.ofNullable(operatorId).map(CurrentOperator::new);
    }

    boolean isExpired(String accessToken) {
        return sessions.isExpiredAccessToken(SessionTokens.hash(accessToken), LocalDateTime.now(clock));
    }

    private IssuedTokens issue(long operatorId, LocalDateTime now) {
        String access = tokens.newToken();
        String refresh = tokens.newToken();
        LocalDateTime accessExpiresAt = now.plus(properties.accessTokenTtl());
        LocalDateTime refreshExpiresAt = now.plus(properties.refreshTokenTtl());
        sessions.insert(operatorId, SessionTokens.hash(access), SessionTokens.hash(refresh), accessExpiresAt,
                refreshExpiresAt, now);
        return new IssuedTokens(operatorId, access, accessExpiresAt, refresh, refreshExpiresAt);
    }

    private MiniProgramSession exchange(String code) {
        try {
            return wechat.login(code);
        } catch (WechatCallException e) {
            throw WechatErrors.toApiException(e, "LOGIN_CODE_INVALID", "登录凭证无效或已过期，请重新登录");
        }
    }
}
