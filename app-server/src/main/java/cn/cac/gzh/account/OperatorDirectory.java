package cn.cac.gzh.account;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Finding operators from other modules. */
public interface OperatorDirectory {

    /** The operator with this unionid (the same person in the mini-program), if any. */
    Optional<Long> findByUnionId(String unionid);

    /** The mini-program openids of these operators (unknown ids are left out). */
    Map<Long, String> miniProgramOpenids(Collection<Long> operatorIds);
}
