package cn.cac.gzh.common;

import java.sql.Connection;
import java.util.Optional;
import java.util.Set;

import com.baomidou.mybatisplus.extension.plugins.handler.TenantLineHandler;
import com.baomidou.mybatisplus.extension.plugins.inner.InnerInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.TenantLineInnerInterceptor;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The one place where a county office's view is narrowed: while a caller bound to a county runs, every statement on
 * a table with a {@code county_code} of its own ({@link #SCOPED_TABLES}) gets {@code county_code = '<county>'} added
 * by MyBatis-Plus's tenant-line rewriting, so no query has to remember the condition. Everyone else's statements
 * are not rewritten (not even parsed).
 */
final class CountyScopeInterceptor implements InnerInterceptor {

    /**
     * {@code audit_log}: its reads only; the audit module writes and walks the chain unnarrowed
     * ({@code @InterceptorIgnore}), the entry's county being decided at write time ({@code audit.internal.AuditCounty}).
     */
    static final Set<String> SCOPED_TABLES = Set.of("filing", "push_message", "staff_user", "audit_log");

    private final ObjectProvider<CallerScope> scope;
    private final TenantLineInnerInterceptor tenantLine;

    CountyScopeInterceptor(ObjectProvider<CallerScope> scope) {
        this.scope = scope;
        this.tenantLine = new TenantLineInnerInterceptor(new TenantLineHandler() {
            @Override
            public Expression getTenantId() {
                return new StringValue(bound().orElseThrow());
            }

            @Override
            public String getTenantIdColumn() {
                return "county_code";
            }

            @Override
            public boolean ignoreTable(String tableName) {
                return !SCOPED_TABLES.contains(tableName.replace("`", "").toLowerCase(java.util.Locale.ROOT));
            }
        });
    }

    @Override
    public void beforeQuery(Executor executor, MappedStatement ms, Object parameter, RowBounds rowBounds,
            ResultHandler resultHandler, BoundSql boundSql) throws java.sql.SQLException {
        if (bound().isPresent()) {
            tenantLine.beforeQuery(executor, ms, parameter, rowBounds, resultHandler, boundSql);
        }
    }

    @Override
    public void beforePrepare(StatementHandler handler, Connection connection, Integer transactionTimeout) {
        if (bound().isPresent()) {
            tenantLine.beforePrepare(handler, connection, transactionTimeout);
        }
    }

    private Optional<String> bound() {
        return CallerScope.current(scope);
    }
}
