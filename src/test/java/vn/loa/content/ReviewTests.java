package vn.loa.content;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReviewTests {

	@ParameterizedTest
	@CsvSource({ "DRAFT, DRAFT", "SUBMITTED, SUBMITTED", "APPROVED, SUBMITTED", "SCHEDULED, SUBMITTED",
			"WITHDRAWN, DRAFT" })
	void editingAtTheDeskSendsApprovedWorkBackToReview(ContentStatus current, ContentStatus next) {
		assertThat(Review.afterEdit(current)).isEqualTo(next);
	}

	@ParameterizedTest
	@CsvSource({ "PUBLISHED", "LATE", "MISSED" })
	void whatWentOutCannotBeEdited(ContentStatus current) {
		assertThatExceptionOfType(InvalidContentException.class).isThrownBy(() -> Review.afterEdit(current))
			.satisfies((ex) -> assertThat(ex.isConflict()).isTrue());
	}

	@Test
	void approvingAnItemWithATimeSchedulesIt() {
		assertThat(Review.afterApproval(Instant.parse("2030-01-01T00:00:00Z"))).isEqualTo(ContentStatus.SCHEDULED);
		assertThat(Review.afterApproval(null)).isEqualTo(ContentStatus.APPROVED);
	}

	@Test
	void anEditorMayNotApprove() {
		assertThatExceptionOfType(ReviewRefusedException.class).isThrownBy(() -> Review
			.checkApprover(new ContentActor("bien-tap", false), new ContentPeople("khac", "khac", null), false));
	}

	@Test
	void anApproverMayNotApproveWhatTheyWroteOrSubmitted() {
		ContentActor approver = new ContentActor("duyet", true);
		assertThatExceptionOfType(ReviewRefusedException.class)
			.isThrownBy(() -> Review.checkApprover(approver, new ContentPeople("duyet", "bien-tap", null), false));
		assertThatExceptionOfType(ReviewRefusedException.class)
			.isThrownBy(() -> Review.checkApprover(approver, new ContentPeople("bien-tap", "duyet", null), false));
		Review.checkApprover(approver, new ContentPeople("bien-tap", "bien-tap", null), false);
	}

	@Test
	void selfApprovalCanBeAllowed() {
		Review.checkApprover(new ContentActor("duyet", true), new ContentPeople("duyet", "duyet", null), true);
	}

	@Test
	void anItemFromAFileOrTheApiHasNoAuthorToConflictWith() {
		Review.checkApprover(new ContentActor("duyet", true), new ContentPeople(null, null, null), false);
	}

}
