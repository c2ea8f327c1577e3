package cn.cac.gzh.office;

/** Someone operators can call or write to. */
public record OfficeContact(String name, String phone, String email) {
}
