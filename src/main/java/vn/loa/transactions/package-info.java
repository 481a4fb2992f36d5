/**
 * How work waits for the transaction that asked for it:
 * {@link vn.loa.transactions.AfterCommit} runs it once what it depends on is committed,
 * or at once outside a transaction. An open module that uses no other.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Transactions",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package vn.loa.transactions;
