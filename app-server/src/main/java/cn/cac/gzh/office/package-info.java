/**
 * The office's public information: name, address, contacts, filing instructions and campaign
 * dates, shown in the mini-program and in official-account replies. Data, not code: the notice's
 * contacts are only the seed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Office")
package cn.cac.gzh.office;
