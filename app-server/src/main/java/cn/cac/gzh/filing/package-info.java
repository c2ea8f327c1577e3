/**
 * Filing: official accounts and their filings (表一 unit / 表二 individual), the state machine
 * (DRAFT → SUBMITTED → APPROVED / REJECTED, REVOKED), filing numbers, deadlines from campaigns and
 * the 30-day rule, and the applicability self-check of notice §2.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Filing")
package cn.cac.gzh.filing;
