package cn.cac.gzh.wechat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import cn.cac.gzh.wechat.SendOutcome.Result;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.apache.http.client.HttpResponseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** WeChat's answers and WxJava's ways of reporting no answer, as the delivery queue must read them. */
class SendOutcomeClassificationTest {

    @ParameterizedTest
    @CsvSource({"-1, RETRY", "45011, RETRY", "40001, RETRY", "45009, QUOTA", "43004, FAILED", "43101, FAILED",
            "40003, FAILED", "40037, FAILED", "47003, FAILED", "48001, FAILED"})
    void errorCodes(int code, Result expected) {
        var answer = WxJavaMessageChannels.classify(new WxErrorException(WxError.builder().errorCode(code).errorMsg("m rid: x").build()));
        assertThat(answer.result()).isEqualTo(expected);
        assertThat(answer.errorCode()).isEqualTo(code);
        assertThat(answer.reason()).doesNotContain("rid");
    }

    @Test
    void wxJavasOwnSubstituteMessageIsReplacedByTheCodesMeaning() {
        var answer = WxJavaMessageChannels.classify(new WxErrorException(WxError.builder().errorCode(43101)
                .errorMsg("微信服务端异常，超出重试次数！").build()));
        assertThat(answer.result()).isEqualTo(Result.FAILED);
        assertThat(answer.reason()).isEqualTo("43101 user refused the subscription");
    }

    @Test
    void noAnswerIsRetriedOnlyWhenTheRequestSurelyNeverLeft() {
        assertThat(WxJavaMessageChannels.classify(new WxErrorException(new ConnectException("refused"))).result())
                .isEqualTo(Result.RETRY);
        assertThat(WxJavaMessageChannels.classify(new WxErrorException(new SocketTimeoutException("Read timed out"))).result())
                .isEqualTo(Result.AMBIGUOUS);
        assertThat(WxJavaMessageChannels.classify(new WxRuntimeException(new HttpResponseException(502, "bad gateway"))).result())
                .isEqualTo(Result.RETRY);
        assertThat(WxJavaMessageChannels.classify(new WxRuntimeException("微信服务端异常，超出重试次数")).result())
                .isEqualTo(Result.RETRY);
    }
}
