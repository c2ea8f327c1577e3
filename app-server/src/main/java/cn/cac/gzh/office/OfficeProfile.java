package cn.cac.gzh.office;

import java.util.List;

/**
 * The office as operators see it.
 *
 * @param regionCode whose information this is: a county's code (its own office) or the city's (the city office, also
 *                   shown for a county without a profile of its own)
 */
public record OfficeProfile(String regionCode, String name, String address, String email, String instructions,
        List<OfficeContact> contacts) {
}
