/**
 * Materials: the documents notice §3 asks for (ID-card copies, licence, the signed and stamped
 * form), uploaded by the mini-program straight into the private bucket through presigned POST
 * policies, checked on confirmation, kept with their history, cleaned up by retention rules; and
 * the printable pre-filled forms 表一 / 表二.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Material")
package cn.cac.gzh.material;
