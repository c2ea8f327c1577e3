package cn.cac.gzh.material;

import java.util.List;

/** Which materials a filing has (current and history). */
public interface MaterialCatalog {

    List<MaterialFileInfo> filesOf(long filingId);
}
