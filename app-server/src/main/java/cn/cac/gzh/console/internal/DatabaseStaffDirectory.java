package cn.cac.gzh.console.internal;

import java.util.List;

import cn.cac.gzh.console.StaffDirectory;

import org.springframework.stereotype.Service;

@Service
class DatabaseStaffDirectory implements StaffDirectory {

    private final StaffMapper staff;

    DatabaseStaffDirectory(StaffMapper staff) {
        this.staff = staff;
    }

    @Override
    public List<String> reviewerFollowerOpenids(String scopeCode) {
        return staff.reviewerFollowerOpenids(scopeCode);
    }
}
