/**
 * Policy pushes (notice §5.2): a publisher writes a notice once (sanitised rich text, attachments),
 * picks an audience and channels, sends now or later (optionally after a second publisher's
 * approval), and follows who received and who read it. Recipients are expanded in batches into the
 * delivery pipeline, which does the sending.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy push")
package cn.cac.gzh.push;
