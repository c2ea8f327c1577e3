/**
 * The office's web console: staff accounts and roles (ADMIN, REVIEWER, PUBLISHER), session login
 * with CSRF protection and lock-out, and the console's REST API and pages (review, registry,
 * dashboard, enforcement, administration).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package cn.cac.gzh.console;
