/**
 * The place-name dictionary of the county the platform serves: the county's name and historic
 * names, its townships and their short forms, and other local features. The self-check's name
 * matcher and the console's township filters read it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Region")
package cn.cac.gzh.region;
