package cn.cac.gzh.material.internal;

import java.util.List;
import java.util.Set;

import cn.cac.gzh.common.FieldProblem;
import cn.cac.gzh.filing.FilingRef;
import cn.cac.gzh.filing.SubmissionCheck;
import cn.cac.gzh.material.MaterialChecklist;
import cn.cac.gzh.material.MaterialType;

import org.springframework.stereotype.Component;

/** A filing cannot be submitted while a required material is missing. */
@Component
class MaterialChecklistCheck implements SubmissionCheck {

    private final MaterialMapper mapper;

    MaterialChecklistCheck(MaterialMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public List<FieldProblem> missing(FilingRef filing) {
        return missingTypes(filing).stream()
                .map(type -> new FieldProblem("materials." + type.name(), "请上传：" + type.label()))
                .toList();
    }

    List<MaterialType> missingTypes(FilingRef filing) {
        Set<MaterialType> present = Set.copyOf(mapper.currentTypes(filing.id()));
        return MaterialChecklist.requiredFor(filing.formType()).stream().filter(type -> !present.contains(type)).toList();
    }
}
