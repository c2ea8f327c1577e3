package cn.cac.gzh.office;

import java.util.List;

/** The office as operators see it. */
public record OfficeProfile(String name, String address, String email, String instructions, List<OfficeContact> contacts) {
}
