package cn.cac.gzh.officialaccount.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import cn.cac.gzh.account.OperatorDirectory;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.officialaccount.OfficialAccountAdministration;
import cn.cac.gzh.wechat.WechatProperties;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.result.WxMpUser;
import me.chanjar.weixin.mp.bean.result.WxMpUserList;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

@Service
class AccountAdministration implements OfficialAccountAdministration {

    private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);
    private static final int BATCH = 100;

    private final WxMpService wechat;
    private final String miniAppId;
    private final OperatorDirectory operators;
    private final FollowerMapper followers;
    private final Clock clock;

    AccountAdministration(WxMpService wechat, WechatProperties properties, OperatorDirectory operators, FollowerMapper followers,
            Clock clock) {
        this.wechat = wechat;
        this.miniAppId = properties.miniapp().appId();
        this.operators = operators;
        this.followers = followers;
        this.clock = clock;
    }

    @Override
    public String publishMenu() {
        WxMenuButton file = button("miniprogram", "我要备案", null);
        file.setAppId(miniAppId);
        file.setPagePath("pages/index/index");
        // shown by clients that cannot open mini-programs
        file.setUrl("https://mp.weixin.qq.com");
        WxMenu menu = new WxMenu();
        menu.setButtons(List.of(file, button("click", "政策通知", MenuKeys.POLICY), button("click", "联系我们", MenuKeys.CONTACT)));
        try {
            wechat.getMenuService().menuCreate(menu);
            return menu.toJson();
        } catch (WxErrorException | RuntimeException e) {
            log.warn("Menu not published: reason={}", e.getMessage());
            throw DomainException.unavailable("WECHAT_UNAVAILABLE", "微信接口调用失败，菜单未发布，请稍后再试");
        }
    }

    @Scheduled(initialDelayString = "${officialaccount.follower-sync-interval:PT6H}",
            fixedDelayString = "${officialaccount.follower-sync-interval:PT6H}")
    @SchedulerLock(name = "oa-follower-sync", lockAtMostFor = "PT1H")
    public void scheduledSync() {
        SyncResult result = syncFollowers();
        log.info("Follower sync done: followers={} linked={}", result.followers(), result.linkedToOperators());
    }

    @Override
    public SyncResult syncFollowers() {
        int followers = 0;
        int linked = 0;
        String next = null;
        try {
            do {
                WxMpUserList page = wechat.getUserService().userList(next);
                List<String> openids = page.getOpenids() == null ? List.of() : page.getOpenids();
                for (int i = 0; i < openids.size(); i += BATCH) {
                    for (WxMpUser user : wechat.getUserService().userInfoList(openids.subList(i, Math.min(openids.size(), i + BATCH)))) {
                        Long operator = operators.findByUnionId(user.getUnionId()).orElse(null);
                        upsert(user, operator);
                        followers++;
                        linked += operator == null ? 0 : 1;
                    }
                }
                next = page.getNextOpenid();
            } while (next != null && !next.isEmpty());
        } catch (WxErrorException e) {
            throw DomainException.unavailable("WECHAT_UNAVAILABLE", "微信接口调用失败，请稍后再试");
        }
        return new SyncResult(followers, linked);
    }

    private void upsert(WxMpUser user, Long operatorId) {
        followers.upsert(user.getOpenId(), user.getUnionId(), operatorId, Boolean.TRUE.equals(user.getSubscribe()),
                LocalDateTime.now(clock));
    }

    private static WxMenuButton button(String type, String name, String key) {
        WxMenuButton button = new WxMenuButton();
        button.setType(type);
        button.setName(name);
        button.setKey(key);
        return button;
    }
}
