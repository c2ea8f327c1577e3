package cn.cac.gzh.console;

import java.util.List;

/** Staff as recipients of messages from other modules. */
public interface StaffDirectory {

    /** Official-account openids of enabled reviewers and administrators who bound their WeChat. */
    List<String> reviewerFollowerOpenids();
}
