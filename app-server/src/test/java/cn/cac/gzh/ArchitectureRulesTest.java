package cn.cac.gzh;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.servlet.Filter;
import org.apache.ibatis.annotations.Mapper;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Rules the module structure (see {@link ModularityTests}) does not cover: one way to the database (MyBatis mappers
 * in each module's {@code internal} package), no SQL at the web edge, and HTTP only at the web edge (the domain throws
 * {@code DomainException}; {@code common.web.ApiExceptionHandler} maps it).
 */
class ArchitectureRulesTest {

    /**
     * Infrastructure that works on tables it does not own, with plain JDBC: ShedLock's lock provider
     * (SchedulingConfiguration) is built on a JdbcTemplate as ShedLock requires, and the PII re-encryption job
     * (common.pii) walks the encrypted columns of several modules' tables from one list, batch by batch.
     */
    private static final Set<String> PLAIN_JDBC_ALLOWED = Set.of(
            "cn.cac.gzh.common.SchedulingConfiguration",
            "cn.cac.gzh.common.pii.PiiReencryption");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.cac.gzh");

    @Test
    void onlyMappersReachTheDatabase() {
        noClasses().that().resideInAPackage("cn.cac.gzh..").and(are(notListedIn(PLAIN_JDBC_ALLOWED)))
                .should().dependOnClassesThat(are(assignableTo(JdbcClient.class)).or(assignableTo(JdbcOperations.class))
                        .or(assignableTo(NamedParameterJdbcOperations.class)))
                .because("modules reach MySQL through MyBatis mappers in their internal package")
                .check(CLASSES);
    }

    @Test
    void controllersHoldNoSql() {
        noClasses().that(are(annotatedOrNestedIn(RestController.class)))
                .should().dependOnClassesThat(are(assignableTo(JdbcClient.class)).or(assignableTo(JdbcOperations.class))
                        .or(resideInAnyPackage("org.apache.ibatis..", "com.baomidou.mybatisplus.."))
                        .or(annotatedWith(Mapper.class)))
                .because("SQL belongs in a module's mappers and services, not at the web edge")
                .check(CLASSES);
    }

    @Test
    void onlyTheWebEdgeSpeaksHttp() {
        ArchRule rule = noClasses().that().resideInAPackage("cn.cac.gzh..")
                .and().resideOutsideOfPackage("cn.cac.gzh.common.web..")
                .and(are(DescribedPredicate.not(webEdge())))
                .should().dependOnClassesThat().belongToAnyOf(HttpStatus.class, ResponseEntity.class)
                .because("the domain throws DomainException with an ErrorKind; ApiExceptionHandler maps it to HTTP");
        rule.check(CLASSES);
    }

    /** Controllers, advice, configuration and servlet filters, with their nested and anonymous classes. */
    private static DescribedPredicate<JavaClass> webEdge() {
        return annotatedOrNestedIn(RestController.class).or(annotatedOrNestedIn(RestControllerAdvice.class))
                .or(annotatedOrNestedIn(Controller.class)).or(annotatedOrNestedIn(Configuration.class))
                .or(assignableTo(Filter.class))
                .as("web edge classes");
    }

    private static DescribedPredicate<JavaClass> annotatedOrNestedIn(Class<? extends java.lang.annotation.Annotation> type) {
        return DescribedPredicate.describe("annotated (or nested in a class annotated) with @" + type.getSimpleName(),
                javaClass -> outermost(javaClass).isAnnotatedWith(type));
    }

    private static DescribedPredicate<JavaClass> annotatedWith(Class<? extends java.lang.annotation.Annotation> type) {
        return DescribedPredicate.describe("annotated with @" + type.getSimpleName(), javaClass -> javaClass.isAnnotatedWith(type));
    }

    private static DescribedPredicate<JavaClass> notListedIn(Set<String> allowed) {
        return DescribedPredicate.describe("not on the allow-list",
                javaClass -> !allowed.contains(outermost(javaClass).getName()));
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass current = javaClass;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
