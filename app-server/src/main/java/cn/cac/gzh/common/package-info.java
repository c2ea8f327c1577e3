/**
 * Shared kernel: time, persistence wiring and start-up diagnostics used by every module.
 * Open so that any module may use its types.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.cac.gzh.common;
