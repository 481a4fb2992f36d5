/**
 * The settings several modules read, each bound once: where Loa is reached
 * ({@code loa.base-url}), where it keeps its files ({@code loa.data-dir}) and whether
 * this process runs periodic work ({@code loa.scheduling.enabled}). An open module that
 * uses no other.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Settings",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package vn.loa.settings;
