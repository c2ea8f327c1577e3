package cn.cac.gzh.material.internal;

import java.util.List;
import java.util.Map;

import cn.cac.gzh.common.Times;
import cn.cac.gzh.material.MaterialCatalog;
import cn.cac.gzh.material.MaterialCheck;
import cn.cac.gzh.material.MaterialFileInfo;

import org.springframework.stereotype.Service;

@Service
class DatabaseMaterialCatalog implements MaterialCatalog {

    private final MaterialMapper mapper;
    private final MaterialChecks checks;

    DatabaseMaterialCatalog(MaterialMapper mapper, MaterialChecks checks) {
        this.mapper = mapper;
        this.checks = checks;
    }

    @Override
    public List<MaterialFileInfo> filesOf(long filingId) {
        Map<Long, MaterialCheck> checked = checks.ofFiling(filingId);
        return mapper.filesOfFiling(filingId).stream()
                .map(f -> new MaterialFileInfo(f.id(), f.materialType(), f.materialType().label(), f.fileName(),
                        f.contentType(), f.sizeBytes(), f.sha256(), Times.display(f.uploadedAt()), f.supersededAt() == null,
                        f.purgedAt() != null, checked.get(f.id())))
                .toList();
    }
}
