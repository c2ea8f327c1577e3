package cn.cac.gzh.wechat;

/**
 * What WeChat read from a document photo; fields a document does not carry are {@code null}.
 *
 * @param side      of an ID card: {@code Front} (portrait) or {@code Back} (emblem, with the validity)
 * @param validDate of an ID card's back, as printed by WeChat: {@code 20160101-20360101} or {@code 20160101-长期}
 */
public record DocumentReading(boolean readable, String side, String name, String idNumber, String validDate,
        String creditCode, String unitName, String legalRepresentative) {

    public static DocumentReading unreadable() {
        return new DocumentReading(false, null, null, null, null, null, null, null);
    }

    public static DocumentReading idCard(String side, String name, String idNumber, String validDate) {
        return new DocumentReading(true, side, name, idNumber, validDate, null, null, null);
    }

    public static DocumentReading licence(String creditCode, String unitName, String legalRepresentative) {
        return new DocumentReading(true, null, null, null, null, creditCode, unitName, legalRepresentative);
    }
}
