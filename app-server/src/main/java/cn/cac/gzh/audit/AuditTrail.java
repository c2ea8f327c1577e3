package cn.cac.gzh.audit;

/** Appends to the audit log, inside the caller's transaction when there is one. */
public interface AuditTrail {

    void record(AuditEntry entry);
}
