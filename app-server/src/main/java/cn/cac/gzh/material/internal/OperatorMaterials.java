package cn.cac.gzh.material.internal;

import java.io.InputStream;
import java.util.List;

import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.common.ErrorKind;
import cn.cac.gzh.filing.FilingLookup;
import cn.cac.gzh.filing.FilingRef;
import cn.cac.gzh.storage.ObjectStorage;

import org.springframework.stereotype.Service;

/** What an operator may read of their own filing's materials: the files, and a file's content. */
@Service
class OperatorMaterials {

    private final MaterialMapper mapper;
    private final FilingLookup filings;
    private final ObjectStorage storage;

    OperatorMaterials(MaterialMapper mapper, FilingLookup filings, ObjectStorage storage) {
        this.mapper = mapper;
        this.filings = filings;
        this.storage = storage;
    }

    /** The operator's filing (404 {@code FILING_NOT_FOUND} when it is not theirs) and every file of it. */
    record FilingFiles(FilingRef filing, List<MaterialMapper.StoredFile> files) {
    }

    /** An open stored file: close {@code content}. */
    record OpenFile(MaterialMapper.StoredFile file, InputStream content) {
    }

    FilingFiles filesOf(long operatorId, long filingId) {
        FilingRef filing = filings.requireOwned(filingId, operatorId);
        return new FilingFiles(filing, mapper.filesOfFiling(filingId));
    }

    /** One file of the operator's own filing, else 404 ({@code FILING_NOT_FOUND} or {@code MATERIAL_NOT_FOUND}). */
    MaterialMapper.StoredFile requireFile(long operatorId, long filingId, long materialId) {
        filings.requireOwned(filingId, operatorId);
        MaterialMapper.StoredFile file = mapper.fileOfFiling(materialId, filingId);
        if (file == null) {
            throw DomainException.notFound("MATERIAL_NOT_FOUND", "材料不存在");
        }
        return file;
    }

    OpenFile open(long operatorId, long filingId, long materialId) {
        MaterialMapper.StoredFile file = requireFile(operatorId, filingId, materialId);
        if (file.purgedAt() != null) {
            throw new DomainException(ErrorKind.GONE, "MATERIAL_PURGED", "该材料已按保存期限删除");
        }
        InputStream content = storage.open(file.objectKey())
                .orElseThrow(() -> DomainException.notFound("MATERIAL_NOT_FOUND", "材料不存在"));
        return new OpenFile(file, content);
    }
}
