package cn.cac.gzh.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.cac.testsupport.IntegrationTest;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator's conventions, exercised through the real WxJava services the application uses. */
@IntegrationTest
class WechatSimulatorIntegrationTest {

    @Autowired
    WxMaService miniapp;
    @Autowired
    WxMpService officialAccount;

    @Test
    void badLoginCodeIsRefusedWith40029() {
        assertThatThrownBy(() -> miniapp.getUserService().getSessionInfo("bad-code"))
                .isInstanceOfSatisfying(WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(40029));
    }

    @Test
    void phoneCodeCarriesTheNumber() throws Exception {
        var phone = miniapp.getUserService().getPhoneNumber("phone-13912345678");

        assertThat(phone.getPhoneNumber()).isEqualTo("13912345678");
        assertThat(phone.getPurePhoneNumber()).isEqualTo("13912345678");
        assertThat(phone.getCountryCode()).isEqualTo("86");
    }

    @Test
    void unknownPhoneCodeIsRefused() {
        assertThatThrownBy(() -> miniapp.getUserService().getPhoneNumber("expired"))
                .isInstanceOfSatisfying(WxErrorException.class,
                        e -> assertThat(e.getError().getErrorCode()).isEqualTo(40029));
    }

    @Test
    void subscribeMessageIsAccepted() throws Exception {
        var message = WxMaSubscribeMessage.builder().toUser("sim-openid-alice").templateId("tmpl-deadline")
                .page("pages/filing/detail").build();
        message.addData(new WxMaSubscribeMessage.MsgData("thing1", "备案即将到期"));

        miniapp.getMsgService().sendSubscribeMsg(message);
    }

    @Test
    void templateMessageGetsAMsgId() throws Exception {
        var message = WxMpTemplateMessage.builder().toUser("sim-mp-openid-alice").templateId("tmpl-policy").build();
        message.addData(new WxMpTemplateData("thing1", "新政策"));

        String msgId = officialAccount.getTemplateMsgService().sendTemplateMsg(message);

        assertThat(msgId).matches("\\d{9}");
    }

    @Test
    void followerInfoCarriesTheUnionIdOfTheSamePerson() throws Exception {
        var user = officialAccount.getUserService().userInfo("sim-mp-openid-alice");

        assertThat(user.getOpenId()).isEqualTo("sim-mp-openid-alice");
        assertThat(user.getUnionId()).isEqualTo("sim-union-alice");
        assertThat(user.getSubscribe()).isTrue();
    }
}
