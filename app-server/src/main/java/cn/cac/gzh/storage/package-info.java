/**
 * Object storage (MinIO or any S3-compatible server): one private bucket for operators' materials.
 * Other modules use {@link cn.cac.gzh.storage.ObjectStorage}; the MinIO client stays inside.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Object storage")
package cn.cac.gzh.storage;
