/**
 * Operators of official accounts: mini-program login ({@code jscode2session}), our own bearer
 * sessions (expiry, refresh, revocation), phone binding and the privacy consent that must precede
 * any personal data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account")
package cn.cac.gzh.account;
