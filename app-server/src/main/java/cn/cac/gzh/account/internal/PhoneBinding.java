package cn.cac.gzh.account.internal;

import java.time.Clock;
import java.time.LocalDateTime;

import cn.cac.gzh.account.OperatorConsents;
import cn.cac.gzh.common.db.RetryingTransactions;
import cn.cac.gzh.common.identifiers.MobileNumbers;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.wechat.MiniProgramGateway;
import cn.cac.gzh.wechat.WechatCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

@Service
class PhoneBinding {

    private static final Logger log = LoggerFactory.getLogger(PhoneBinding.class);

    private final OperatorConsents consents;
    private final MiniProgramGateway wechat;
    private final OperatorMapper operators;
    private final RetryingTransactions transactions;
    private final Clock clock;

    PhoneBinding(OperatorConsents consents, MiniProgramGateway wechat, OperatorMapper operators,
            RetryingTransactions transactions, Clock clock) {
        this.consents = consents;
        this.wechat = wechat;
        this.operators = operators;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The operator's bound phone number, or null before one is bound. */
    String phoneOf(long operatorId) {
        return operators.selectById(operatorId).getPhone();
    }

    /** WeChat first, outside any transaction; then one short write. */
    void bind(long operatorId, String code) {
        consents.requireCurrentConsent(operatorId);
        String phone;
        try {
            phone = wechat.phoneNumber(code);
        } catch (WechatCallException e) {
            throw WechatErrors.toDomainException(e, "PHONE_CODE_INVALID", "手机号授权已失效，请重新授权");
        }
        if (!MobileNumbers.isValid(phone)) {
            throw DomainException.invalid("PHONE_NOT_SUPPORTED", "仅支持中国大陆手机号");
        }
        String normalized = MobileNumbers.normalize(phone);
        transactions.run("bindPhone", () -> operators.bindPhone(operatorId, normalized, LocalDateTime.now(clock)));
        log.info("Operator bound a phone number: operatorId={}", operatorId);
    }
}
