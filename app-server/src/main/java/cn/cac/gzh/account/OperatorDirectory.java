package cn.cac.gzh.account;

import java.util.Optional;

/** Finding operators from other modules. */
public interface OperatorDirectory {

    /** The operator with this unionid (the same person in the mini-program), if any. */
    Optional<Long> findByUnionId(String unionid);
}
