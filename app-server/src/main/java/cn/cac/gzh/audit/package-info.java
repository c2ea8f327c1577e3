/** The audit trail: who accessed or changed what, when and from where. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package cn.cac.gzh.audit;
