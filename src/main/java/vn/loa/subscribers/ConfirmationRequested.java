package vn.loa.subscribers;

/**
 * Someone signed up on the public form and the subscriber is pending: they are to be sent
 * a confirmation link. Published inside the sign-up's transaction, so a listener that
 * joins it records the request with the sign-up or not at all.
 *
 * @param subscriberId the pending subscriber
 */
public record ConfirmationRequested(long subscriberId) {

}
