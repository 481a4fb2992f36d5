package vn.loa.content;

/**
 * Someone changing content, as the workflow sees them.
 *
 * @param username who it is: a username, {@code api} for the bearer token, {@code file}
 * for the {@code content/} files
 * @param mayApprove whether they hold a role that approves (approver or administrator)
 * @param trusted whether their items skip the desk's review and carry the status they ask
 * for (draft or scheduled): the API token and the deployed files, which are written and
 * checked outside Loa
 */
public record ContentActor(String username, boolean mayApprove, boolean trusted) {

	/** The API's bearer token. */
	public static final ContentActor API = new ContentActor("api", true, true);

	/** The {@code content/} files, read at start-up. */
	public static final ContentActor FILES = new ContentActor("file", true, true);

	/** Someone at the desk, whose work goes through review. */
	public ContentActor(String username, boolean mayApprove) {
		this(username, mayApprove, false);
	}

}
