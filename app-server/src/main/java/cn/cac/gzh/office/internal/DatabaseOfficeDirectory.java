package cn.cac.gzh.office.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.office.OfficeAdministration;
import cn.cac.gzh.office.OfficeContact;
import cn.cac.gzh.office.OfficeDirectory;
import cn.cac.gzh.office.OfficeProfile;
import cn.cac.gzh.region.RegionCodes;
import cn.cac.gzh.region.RegionDirectory;

import org.springframework.stereotype.Service;

@Service
class DatabaseOfficeDirectory implements OfficeDirectory, OfficeAdministration {

    private final OfficeMapper mapper;
    private final RegionDirectory regions;
    private final Clock clock;

    DatabaseOfficeDirectory(OfficeMapper mapper, RegionDirectory regions, Clock clock) {
        this.mapper = mapper;
        this.regions = regions;
        this.clock = clock;
    }

    @Override
    public OfficeProfile profile(String regionCode) {
        return own(regionCode)
                .or(() -> RegionCodes.isCity(regionCode) ? Optional.empty() : own(RegionCodes.cityOf(regionCode)))
                .orElseThrow(() -> new IllegalStateException("office_profile has no row for " + regionCode
                        + " nor its city: run the migrations"));
    }

    @Override
    public OfficeProfile profile() {
        return profile(regions.defaultCountyCode());
    }

    @Override
    public Optional<OfficeProfile> own(String regionCode) {
        OfficeMapper.ProfileRow row = mapper.profile(regionCode);
        return row == null ? Optional.empty() : Optional.of(new OfficeProfile(row.regionCode(), row.name(), row.address(),
                row.email(), row.instructions(), mapper.contacts(regionCode)));
    }

    @Override
    public OfficeProfile save(String regionCode, OfficeDetails details) {
        if (!regionCode.equals(regions.cityCode())) {
            regions.requireCounty(regionCode);
        }
        List<OfficeContact> contacts = details.contacts().stream()
                .map(c -> new OfficeContact(c.name().strip(), blankToNull(c.phone()), blankToNull(c.email()))).toList();
        for (OfficeContact contact : contacts) {
            if (contact.phone() == null && contact.email() == null) {
                throw DomainException.invalid("CONTACT_INCOMPLETE", "联系人“" + contact.name() + "”需填写电话或电子邮箱");
            }
        }
        mapper.upsertProfile(regionCode, details.name().strip(), details.address().strip(), blankToNull(details.email()),
                details.instructions().strip(), LocalDateTime.now(clock));
        mapper.deleteContacts(regionCode);
        for (int i = 0; i < contacts.size(); i++) {
            OfficeContact contact = contacts.get(i);
            mapper.insertContact(regionCode, contact.name(), contact.phone(), contact.email(), i + 1);
        }
        return own(regionCode).orElseThrow();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
