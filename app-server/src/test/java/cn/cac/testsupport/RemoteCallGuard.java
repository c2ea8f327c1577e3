package cn.cac.testsupport;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.cac.gzh.storage.ObjectStorage;
import cn.cac.gzh.wechat.MessageChannels;
import cn.cac.gzh.wechat.MiniProgramGateway;
import cn.binarywang.wx.miniapp.api.WxMaService;
import me.chanjar.weixin.mp.api.WxMpService;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Test-only guard for the rule "no remote call inside a database transaction" (docs/concurrency.md):
 * every bean that talks to WeChat ({@link MiniProgramGateway}, {@link MessageChannels}, {@link WxMaService},
 * {@link WxMpService}) or to the bucket ({@link ObjectStorage}) is wrapped in a proxy that, when one of its
 * remote methods runs while {@link TransactionSynchronizationManager#isActualTransactionActive()} is true,
 * records a violation and throws an {@link AssertionError} inside the call. The error surfaces as a failing
 * test or a 500; because callers on background threads (workers, event listeners) may swallow it, the
 * {@link Check} extension of {@link IntegrationTest} also fails the test whose run recorded one.
 * <p>
 * WxJava's services hand out sub-services ({@code getMsgService()}, {@code getUserService()}, …) that make
 * the actual HTTP calls: those are wrapped the same way; getters of configuration and setters are local and
 * not guarded.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RemoteCallGuard {

    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

    /** Ports whose methods (all of them) reach a remote server. */
    private static final Set<Class<?>> PORTS = Set.of(MiniProgramGateway.class, MessageChannels.class,
            ObjectStorage.class, WxMaService.class, WxMpService.class);

    @org.springframework.context.annotation.Bean
    static BeanPostProcessor remoteCallGuardPostProcessor() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return guard(bean, beanName);
            }
        };
    }

    /** Wraps {@code target} when it implements one of the remote ports; otherwise returns it unchanged. */
    public static Object guard(Object target, String name) {
        List<Class<?>> ports = PORTS.stream().filter(port -> port.isInstance(target)).toList();
        if (ports.isEmpty()) {
            return target;
        }
        return proxy(target, name, ports.toArray(Class<?>[]::new));
    }

    private static Object proxy(Object target, String name, Class<?>... interfaces) {
        var factory = new ProxyFactory(target);
        factory.setInterfaces(interfaces);
        factory.addAdvice(new Interceptor(name));
        return factory.getProxy();
    }

    /** Violations recorded since the last {@link #clear()}. */
    public static List<String> violations() {
        return List.copyOf(VIOLATIONS);
    }

    public static void clear() {
        VIOLATIONS.clear();
    }

    private record Interceptor(String name) implements MethodInterceptor {

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            Method method = invocation.getMethod();
            if (isLocal(method)) {
                return invocation.proceed();
            }
            if (isSubService(method)) {
                Object service = invocation.proceed();
                return service == null ? null
                        : proxy(service, name + "." + method.getName() + "()", method.getReturnType());
            }
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                String violation = "Remote call inside a database transaction: " + name + "." + method.getName()
                        + " (transaction " + TransactionSynchronizationManager.getCurrentTransactionName() + ", thread "
                        + Thread.currentThread().getName() + ")";
                VIOLATIONS.add(violation);
                throw new AssertionError(violation);
            }
            return invocation.proceed();
        }

        private static boolean isLocal(Method method) {
            String name = method.getName();
            return method.getDeclaringClass() == Object.class || name.startsWith("set") || name.startsWith("switchover")
                    || name.equals("getWxMaConfig") || name.equals("getWxMpConfigStorage") || name.equals("getRequestHttp")
                    || name.startsWith("addConfig") || name.startsWith("removeConfig") || name.equals("initHttp")
                    || name.equals("switchover");
        }

        /** A WxJava sub-service (an interface of WxJava whose name ends in "Service"). */
        private static boolean isSubService(Method method) {
            Class<?> type = method.getReturnType();
            return method.getParameterCount() == 0 && type.isInterface() && !Modifier.isStatic(method.getModifiers())
                    && type.getSimpleName().endsWith("Service")
                    && (type.getName().startsWith("me.chanjar.weixin.") || type.getName().startsWith("cn.binarywang.wx."));
        }
    }

    /**
     * Fails the test (or the class, for violations outside a test) after which a violation was recorded. Nothing is
     * cleared before a class starts: a late violation of a background thread fails the next test rather than
     * being lost.
     */
    public static class Check implements AfterEachCallback, AfterAllCallback {

        @Override
        public void afterEach(ExtensionContext context) {
            assertNone();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            assertNone();
        }

        private static void assertNone() {
            List<String> found = violations();
            clear();
            if (!found.isEmpty()) {
                throw new AssertionError(found.size() + " remote call(s) inside a database transaction:\n  "
                        + String.join("\n  ", found));
            }
        }
    }
}
