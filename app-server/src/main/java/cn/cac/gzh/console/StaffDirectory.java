package cn.cac.gzh.console;

import java.util.List;

/** Staff as recipients of messages from other modules. */
public interface StaffDirectory {

    /**
     * Official-account openids of the enabled reviewers and administrators of one scope (a county's code, or the city's
     * for the city office) who bound their WeChat.
     */
    List<String> reviewerFollowerOpenids(String scopeCode);
}
