package cn.cac.gzh.common;

import com.baomidou.mybatisplus.annotation.DbType;
import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.OptimisticLockerInnerInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.PaginationInnerInterceptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** MyBatis-Plus: MySQL-dialect paging (also right for MariaDB) and optimistic locking on {@code @Version}. */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    /** Upper bound of one page, so no request can ask for the whole table. */
    static final long MAX_PAGE_SIZE = 500;

    @Bean
    MybatisPlusInterceptor mybatisPlusInterceptor(ObjectProvider<CallerScope> scope) {
        var pagination = new PaginationInnerInterceptor(DbType.MYSQL);
        pagination.setMaxLimit(MAX_PAGE_SIZE);
        var interceptor = new MybatisPlusInterceptor();
        // the county condition first, so that paging counts what the caller may see
        interceptor.addInnerInterceptor(new CountyScopeInterceptor(scope));
        interceptor.addInnerInterceptor(new OptimisticLockerInnerInterceptor());
        interceptor.addInnerInterceptor(pagination);
        return interceptor;
    }
}
