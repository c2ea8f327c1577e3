package cn.cac.gzh.office;

import java.util.List;
import java.util.Optional;

/** The console's editing of one office's public information (the caller's scope is checked by the caller). */
public interface OfficeAdministration {

    /** What an office sets: its profile and, in order, its contacts (replacing the previous ones). */
    record OfficeDetails(String name, String address, String email, String instructions, List<OfficeContact> contacts) {
    }

    /** The office's own profile, without falling back to the city's. */
    Optional<OfficeProfile> own(String regionCode);

    /**
     * Creates or replaces the profile and contacts of {@code regionCode} (a county's or the city's code; anything else
     * is 400 {@code COUNTY_UNKNOWN}); run inside the caller's transaction, with its audit entry.
     */
    OfficeProfile save(String regionCode, OfficeDetails details);
}
