package cn.cac.gzh.filing;

/**
 * One filing as an export line, every value already formatted as text (labels in Chinese, dates
 * in Beijing time). ID numbers are masked unless the export asked for full numbers.
 */
public record ExportRow(String filingNumber, String status, String accountName, String wechatId, String originalId,
        String accountType, String openedOn, String contentCategory, String township, String subjectType,
        String subjectName, String unitCode, String responsibleName, String responsibleIdNumber, String responsiblePhone,
        String adminName, String adminIdNumber, String adminPhone, String personName, String personIdNumber,
        String personPhone, String dueOn, String overdue, String submittedAt, String decidedAt, String paperReceived,
        String enforcement) {
}
