package cn.cac.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.WxMaUserService;
import cn.binarywang.wx.miniapp.config.WxMaConfig;
import cn.cac.gzh.storage.ObjectStorage;
import cn.cac.gzh.wechat.MiniProgramGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The guard behind "no remote call inside a database transaction", without a database. */
class RemoteCallGuardTest {

    /** A transaction manager whose transactions are real to Spring (actual transaction active) but touch nothing. */
    private static final class InMemoryTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }

    private final TransactionTemplate transaction = new TransactionTemplate(new InMemoryTransactions());

    @BeforeEach
    @AfterEach
    void clear() {
        RemoteCallGuard.clear();
    }

    @Test
    void aStorageCallInsideTransactionTemplateExecuteIsRefusedAndRecorded() {
        ObjectStorage target = mock(ObjectStorage.class);
        var storage = (ObjectStorage) RemoteCallGuard.guard(target, "objectStorage");

        assertThatThrownBy(() -> transaction.execute(status -> storage.presignedGet("k", Duration.ofMinutes(1))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Remote call inside a database transaction: objectStorage.presignedGet");
        verifyNoInteractions(target);
        assertThat(RemoteCallGuard.violations()).singleElement().asString().contains("objectStorage.presignedGet");
    }

    @Test
    void theSameCallOutsideATransactionGoesThrough() {
        ObjectStorage target = mock(ObjectStorage.class);
        when(target.presignedGet("k", Duration.ofMinutes(1))).thenReturn("https://bucket/k");
        var storage = (ObjectStorage) RemoteCallGuard.guard(target, "objectStorage");

        transaction.execute(status -> "a transaction that calls nothing remote");
        assertThat(storage.presignedGet("k", Duration.ofMinutes(1))).isEqualTo("https://bucket/k");
        assertThat(RemoteCallGuard.violations()).isEmpty();
    }

    @Test
    void aWechatCallInsideATransactionIsRefused() {
        MiniProgramGateway target = mock(MiniProgramGateway.class);
        var wechat = (MiniProgramGateway) RemoteCallGuard.guard(target, "miniProgramGateway");

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> wechat.login("code")))
                .isInstanceOf(AssertionError.class);
        verifyNoInteractions(target);
        assertThat(RemoteCallGuard.violations()).hasSize(1);
    }

    @Test
    void wxJavaSubServicesAreGuardedAndConfigurationGettersAreNot() throws Exception {
        WxMaService target = mock(WxMaService.class);
        WxMaUserService users = mock(WxMaUserService.class);
        WxMaConfig config = mock(WxMaConfig.class);
        when(target.getUserService()).thenReturn(users);
        when(target.getWxMaConfig()).thenReturn(config);
        var service = (WxMaService) RemoteCallGuard.guard(target, "wxMaService");

        transaction.executeWithoutResult(status -> assertThat(service.getWxMaConfig()).isSameAs(config));
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            try {
                service.getUserService().getPhoneNoInfo("code");
            } catch (me.chanjar.weixin.common.error.WxErrorException e) {
                throw new IllegalStateException(e);
            }
        })).isInstanceOf(AssertionError.class).hasMessageContaining("wxMaService.getUserService().getPhoneNoInfo");
        verifyNoInteractions(users);

        service.getUserService().getPhoneNoInfo("code");
        verify(users).getPhoneNoInfo("code");
        assertThat(RemoteCallGuard.violations()).hasSize(1);
    }

    @Test
    void beansThatAreNotRemotePortsAreLeftAlone() {
        var plain = new Object();
        assertThat(RemoteCallGuard.guard(plain, "plain")).isSameAs(plain);
    }
}
