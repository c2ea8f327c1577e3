package cn.cac.gzh.office;

/** Read access to the office's public information (also used by official-account replies). */
public interface OfficeDirectory {

    OfficeProfile profile();
}
