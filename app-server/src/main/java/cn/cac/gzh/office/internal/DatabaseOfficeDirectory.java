package cn.cac.gzh.office.internal;

import cn.cac.gzh.office.OfficeDirectory;
import cn.cac.gzh.office.OfficeProfile;

import org.springframework.stereotype.Service;

@Service
class DatabaseOfficeDirectory implements OfficeDirectory {

    private final OfficeMapper mapper;

    DatabaseOfficeDirectory(OfficeMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public OfficeProfile profile() {
        var row = mapper.profile();
        if (row == null) {
            throw new IllegalStateException("office_profile has no row 1: run the migrations");
        }
        return new OfficeProfile(row.name(), row.address(), row.email(), row.instructions(), mapper.contacts());
    }
}
