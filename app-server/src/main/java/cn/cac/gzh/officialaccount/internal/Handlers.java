package cn.cac.gzh.officialaccount.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.cac.gzh.officialaccount.TemplateSendReported;
import cn.cac.gzh.officialaccount.TextCommand;

import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/** One small handler per message kind; the router (OfficialAccountRouting) decides which runs. */
final class Handlers {

    private Handlers() {
    }

    /** subscribe (also from a parameter QR code, EventKey qrscene_…): welcome, and remember the follower. */
    @Component
    static class Subscribe implements WxMpMessageHandler {
        private final Followers followers;
        private final ReplyTexts texts;
        private final FollowerCounty counties;

        Subscribe(Followers followers, ReplyTexts texts, FollowerCounty counties) {
            this.followers = followers;
            this.texts = texts;
            this.counties = counties;
        }

        @Override
        public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService service,
                WxSessionManager sessions) {
            String key = message.getEventKey();
            String scene = key != null && key.startsWith("qrscene_") ? key.substring("qrscene_".length()) : null;
            followers.subscribed(message.getFromUser(), scene);
            return Replies.text(message, texts.text("WELCOME", counties.of(message.getFromUser())));
        }
    }

    /** unsubscribe: no reply is possible; the follower is marked. */
    @Component
    static class Unsubscribe implements WxMpMessageHandler {
        private final Followers followers;

        Unsubscribe(Followers followers) {
            this.followers = followers;
        }

        @Override
        public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService service,
                WxSessionManager sessions) {
            followers.unsubscribed(message.getFromUser());
            return null;
        }
    }

    /** SCAN: a follower scanned a parameter QR code again; point them to the mini-program. */
    @Component
    static class Scan implements WxMpMessageHandler {
        private final ReplyTexts texts;
        private final FollowerCounty counties;

        Scan(ReplyTexts texts, FollowerCounty counties) {
            this.texts = texts;
            this.counties = counties;
        }

        @Override
        public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService service,
                WxSessionManager sessions) {
            return Replies.text(message, texts.text("HOW_TO_FILE", counties.of(message.getFromUser())));
        }
    }

    /** Text keywords and menu clicks: other modules' commands first, then 备案/登记, 政策, 联系/电话, otherwise a short help. */
    @Component
    static class Keywords implements WxMpMessageHandler {
        private final ReplyTexts texts;
        private final List<TextCommand> commands;
        private final FollowerCounty counties;

        Keywords(ReplyTexts texts, List<TextCommand> commands, FollowerCounty counties) {
            this.texts = texts;
            this.commands = List.copyOf(commands);
            this.counties = counties;
        }

        @Override
        public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService service,
                WxSessionManager sessions) {
            if (message.getContent() != null) {
                String text = message.getContent().strip();
                for (TextCommand command : commands) {
                    Optional<String> reply = command.reply(message.getFromUser(), text);
                    if (reply.isPresent()) {
                        return Replies.text(message, reply.get());
                    }
                }
            }
            String said = message.getContent() != null ? message.getContent() : message.getEventKey();
            return Replies.text(message, answer(said == null ? "" : said.strip(), counties.of(message.getFromUser())));
        }

        /** The answer to what a follower of {@code county} (null: not known) said or clicked. */
        String answer(String said, String county) {
            if (said.contains("备案") || said.contains("登记") || said.equals(MenuKeys.FILING)) {
                return texts.text("HOW_TO_FILE", county);
            }
            if (said.contains("政策") || said.contains("法规") || said.equals(MenuKeys.POLICY)) {
                return texts.text("POLICY", county);
            }
            if (said.contains("联系") || said.contains("电话") || said.equals(MenuKeys.CONTACT)) {
                return texts.contacts(county);
            }
            return texts.text("HELP", county);
        }
    }

    /**
     * TEMPLATESENDJOBFINISH / MASSSENDJOBFINISH: stored, and a template message's outcome published
     * (in the same transaction, through the outbox) for the delivery pipeline; no reply.
     */
    @Component
    static class SendReport implements WxMpMessageHandler {
        private final AccountMessageMapper messages;
        private final TransactionTemplate transaction;
        private final ApplicationEventPublisher events;
        private final Clock clock;

        SendReport(AccountMessageMapper messages, TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock) {
            this.messages = messages;
            this.transaction = transaction;
            this.events = events;
            this.clock = clock;
        }

        @Override
        public WxMpXmlOutMessage handle(WxMpXmlMessage message, Map<String, Object> context, WxMpService service,
                WxSessionManager sessions) {
            Object msgId = context.get(MessageIds.REPORTED_MSG_ID);
            transaction.executeWithoutResult(status -> {
                messages.insertSendReport(message.getEvent(), msgId == null ? null : String.valueOf(msgId), message.getFromUser(),
                        message.getStatus(), message.getTotalCount(), message.getSentCount(), message.getErrorCount(),
                        LocalDateTime.now(clock));
                if ("TEMPLATESENDJOBFINISH".equals(message.getEvent()) && msgId != null) {
                    events.publishEvent(new TemplateSendReported(String.valueOf(msgId), message.getStatus()));
                }
            });
            return null;
        }
    }
}
