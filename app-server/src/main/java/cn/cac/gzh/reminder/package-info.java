/**
 * Reminders and notices about filings: review results the moment a decision is made (from the
 * {@code FilingStatusChanged} outbox), deadline reminders, overdue notices and the staff's daily
 * digest from scans of candidates by index, at most once per (rule, filing, occasion, step), outside
 * quiet hours, all sent through the delivery pipeline; rules edited by administrators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reminder")
package cn.cac.gzh.reminder;
