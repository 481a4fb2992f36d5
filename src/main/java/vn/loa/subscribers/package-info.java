/**
 * Who receives email bulletins: subscribers, their consent status and signed tokens. Uses
 * no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscribers")
package vn.loa.subscribers;
