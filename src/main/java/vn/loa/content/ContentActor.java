package vn.loa.content;

/**
 * Someone working on content at the desk.
 *
 * @param username who it is
 * @param mayApprove whether they hold a role that approves (approver or administrator)
 */
public record ContentActor(String username, boolean mayApprove) {

}
