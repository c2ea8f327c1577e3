package cn.cac.gzh.console;

/**
 * Which office's own settings (office information, campaigns, reminder rules) a console request works on, for the
 * modules that keep such settings per office; implemented by the console's county drill-down.
 */
public interface StaffOffice {

    /** The OpenAPI description of the {@code county} parameter of such requests. */
    String PARAMETER = "县（区）代码（如 411421）：全市账号管理该县（区）的设置，不填为全市的设置；县级账号只能填本县（区）或不填。"
            + "错误码：COUNTY_UNKNOWN（400，所选县（区）不在本平台服务范围内）、SCOPE_FORBIDDEN（403，只能管理本县（区）的信息）。";

    /**
     * The named county (400 {@code COUNTY_UNKNOWN} if unknown; a county office naming another county 403
     * {@code SCOPE_FORBIDDEN}), else the caller's own scope: its county's code, or the city's for the city office.
     */
    String office(CurrentStaff staff, String county);
}
