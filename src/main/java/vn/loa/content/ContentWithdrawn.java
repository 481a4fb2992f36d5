package vn.loa.content;

/**
 * An item was taken back, in whatever state it was: the outlets stop carrying it (the
 * feeds drop it, the radio queue drops what is not yet read, unsent bulletins are
 * cancelled). What already reached a reader cannot be called back.
 *
 * @param itemId the item
 * @param previous the status it had
 */
public record ContentWithdrawn(String itemId, ContentStatus previous) {

}
