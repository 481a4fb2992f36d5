package vn.loa.retention;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionDueTests {

	@Test
	void aModuleWhosePruningFailsIsReportedAndTheOthersStillPrune() {
		RetentionDue due = new RetentionDue(Instant.parse("2026-11-21T20:30:00Z"));

		due.prune("confirmation mails", () -> {
			throw new IllegalStateException("table locked");
		});
		due.prune("unconfirmed plan drafts", () -> 3);

		assertThat(due.failed()).containsExactly("confirmation mails");
		assertThat(due.pruned()).containsExactly(java.util.Map.entry("unconfirmed plan drafts", 3));
	}

}
