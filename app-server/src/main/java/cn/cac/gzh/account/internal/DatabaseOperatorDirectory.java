package cn.cac.gzh.account.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import cn.cac.gzh.account.OperatorDirectory;

import org.springframework.stereotype.Service;

@Service
class DatabaseOperatorDirectory implements OperatorDirectory {

    private final OperatorMapper operators;

    DatabaseOperatorDirectory(OperatorMapper operators) {
        this.operators = operators;
    }

    @Override
    public Optional<Long> findByUnionId(String unionid) {
        if (unionid == null || unionid.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(operators.idByUnionId(unionid));
    }

    @Override
    public Map<Long, String> miniProgramOpenids(Collection<Long> operatorIds) {
        Map<Long, String> openids = new HashMap<>();
        if (operatorIds.isEmpty()) {
            return openids;
        }
        for (OperatorMapper.Openid row : operators.openids(operatorIds)) {
            openids.put(row.id(), row.openid());
        }
        return openids;
    }
}
