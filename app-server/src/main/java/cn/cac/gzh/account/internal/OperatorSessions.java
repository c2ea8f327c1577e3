package cn.cac.gzh.account.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

import cn.cac.gzh.common.ErrorKind;
import cn.cac.gzh.account.AccountProperties;
import cn.cac.gzh.account.CurrentOperator;
import cn.cac.gzh.common.db.RetryingTransactions;
import cn.cac.gzh.common.pii.PersonalDataCipher;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.wechat.MiniProgramGateway;
import cn.cac.gzh.wechat.MiniProgramSession;
import cn.cac.gzh.wechat.WechatCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

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
    private final RetryingTransactions transactions;
    private final Clock clock;

    OperatorSessions(MiniProgramGateway wechat, OperatorMapper operators, SessionMapper sessions, SessionTokens tokens,
            PersonalDataCipher cipher, AccountProperties properties, RetryingTransactions transactions, Clock clock) {
        this.wechat = wechat;
        this.operators = operators;
        this.sessions = sessions;
        this.tokens = tokens;
        this.cipher = cipher;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Issued tokens; the plain tokens exist only in this answer. */
    record IssuedTokens(long operatorId, String accessToken, LocalDateTime accessExpiresAt,
            String refreshToken, LocalDateTime refreshExpiresAt) {
    }

    /**
     * WeChat first, with no database connection held (a slow WeChat must not starve the pool), then
     * one short transaction that is retried whole on a transient failure.
     */
    public IssuedTokens login(String code) {
        MiniProgramSession session = exchange(code);
        String sessionKey = cipher.encrypt(session.sessionKey());
        IssuedTokens issued = transactions.execute("login", () -> {
            LocalDateTime now = LocalDateTime.now(clock);
            operators.upsertLogin(session.openid(), session.unionid(), sessionKey, now);
            return issue(operators.lastUpsertedId(), now);
        });
        log.info("Operator logged in: operatorId={}", issued.operatorId());
        return issued;
    }

    /** Trades a live refresh token for a new pair; the old pair stops working (rotation). */
    public IssuedTokens refresh(String refreshToken) {
        String hash = SessionTokens.hash(refreshToken);
        return transactions.execute("refresh", () -> {
            LocalDateTime now = LocalDateTime.now(clock);
            // revoking is the claim: of two simultaneous refreshes with one token, one updates the row
            if (sessions.revokeLiveRefreshToken(hash, now) == 0) {
                throw new DomainException(ErrorKind.UNAUTHENTICATED, "REFRESH_TOKEN_INVALID", "登录已失效，请重新登录");
            }
            return issue(sessions.operatorOfRefreshToken(hash), now);
        });
    }

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
            throw WechatErrors.toDomainException(e, "LOGIN_CODE_INVALID", "登录凭证无效或已过期，请重新登录");
        }
    }
}
