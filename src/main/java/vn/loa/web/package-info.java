/** Public pages, feeds and the HTTP API; reads from the modules and asks them to act. */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package vn.loa.web;
