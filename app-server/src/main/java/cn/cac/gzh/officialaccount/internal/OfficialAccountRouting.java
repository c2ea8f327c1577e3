package cn.cac.gzh.officialaccount.internal;

import java.util.concurrent.Executor;

import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.api.WxMpMessageRouter;
import me.chanjar.weixin.mp.api.WxMpService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class OfficialAccountRouting {

    @Bean
    WxMpMessageRouter officialAccountRouter(WxMpService service, Handlers.Subscribe subscribe, Handlers.Unsubscribe unsubscribe,
            Handlers.Scan scan, Handlers.Keywords keywords, Handlers.SendReport reports) {
        WxMpMessageRouter router = new WxMpMessageRouter(service);
        // de-duplication happens once, across instances, in OfficialAccountInbox
        router.setMessageDuplicateChecker(messageId -> false);
        router.rule().async(false).msgType(WxConsts.XmlMsgType.EVENT).event(WxConsts.EventType.SUBSCRIBE).handler(subscribe).end()
                .rule().async(false).msgType(WxConsts.XmlMsgType.EVENT).event(WxConsts.EventType.UNSUBSCRIBE).handler(unsubscribe).end()
                .rule().async(false).msgType(WxConsts.XmlMsgType.EVENT).event(WxConsts.EventType.SCAN).handler(scan).end()
                .rule().async(false).msgType(WxConsts.XmlMsgType.EVENT).event(WxConsts.EventType.CLICK).handler(keywords).end()
                .rule().async(false).msgType(WxConsts.XmlMsgType.EVENT).event("TEMPLATESENDJOBFINISH").handler(reports).end()
                .rule().async(false).msgType(WxConsts.XmlMsgType.EVENT).event("MASSSENDJOBFINISH").handler(reports).end()
                .rule().async(false).msgType(WxConsts.XmlMsgType.EVENT).handler((m, c, s, sm) -> null).end()
                .rule().async(false).msgType(WxConsts.XmlMsgType.TEXT).handler(keywords).end()
                .rule().async(false).handler((m, c, s, sm) -> Replies.text(m, "您好！回复“备案”查看办理方法，“联系”获取联系方式。")).end();
        return router;
    }

    /** Work that must not delay the answer to WeChat (user-info look-ups). */
    @Bean
    Executor officialAccountAfterReply() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(4);
        executor.setQueueCapacity(1000);
        executor.setThreadNamePrefix("oa-after-reply-");
        executor.initialize();
        return executor;
    }
}
