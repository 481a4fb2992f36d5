package vn.loa.publishing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.loa.content.ContentItem;
import vn.loa.content.ContentStatus;
import vn.loa.content.Outlet;

import static org.assertj.core.api.Assertions.assertThat;

class PublishingPolicyTests {

	private static final PublishingPolicy POLICY = new PublishingPolicy(Duration.ofMinutes(1),
			ZoneId.of("Asia/Ho_Chi_Minh"));

	// Due 02/9/2025 06:00 in Vietnam = 2025-09-01T23:00:00Z.
	private static final ContentItem ITEM = new ContentItem("quoc-khanh-2025", "default", "Quốc khánh", "", "Thân bài",
			null, EnumSet.allOf(Outlet.class), "anniversary quoc-khanh 2025, 06:00",
			Instant.parse("2025-09-01T23:00:00Z"), Map.of(), ContentStatus.SCHEDULED, "api", null);

	@ParameterizedTest(name = "{0} at {1} -> {2}")
	@CsvSource(textBlock = """
			FEED,  2025-09-01T23:00:30Z, ON_TIME
			EMAIL, 2025-09-01T23:01:00Z, ON_TIME
			EMAIL, 2025-09-01T23:01:01Z, LATE
			EMAIL, 2025-09-02T23:00:00Z, LATE
			EMAIL, 2025-09-02T23:00:01Z, MISSED
			FEED,  2025-09-08T23:00:00Z, LATE
			FEED,  2025-09-08T23:00:01Z, MISSED
			RADIO, 2025-09-02T10:00:00Z, LATE
			RADIO, 2025-09-02T16:59:59Z, LATE
			RADIO, 2025-09-02T17:00:00Z, MISSED
			""")
	void decidesOnTimeLateOrMissedPerOutlet(Outlet outlet, Instant now, Outcome expected) {
		// The radio may still read an item until the end of its day in Vietnam: 17:00Z.
		assertThat(POLICY.decide(ITEM, outlet, now)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "email stale after {0} at {1} -> {2}")
	@CsvSource(textBlock = """
			PT12H, 2025-09-02T10:59:00Z, LATE
			PT12H, 2025-09-02T11:00:01Z, MISSED
			""")
	void honoursAnItemsOwnStaleAfter(Duration staleAfter, Instant now, Outcome expected) {
		ContentItem item = new ContentItem(ITEM.id(), ITEM.organisation(), ITEM.title(), "", ITEM.body(), null,
				ITEM.outlets(), ITEM.when(), ITEM.dueAt(), Map.of(Outlet.EMAIL, staleAfter), ContentStatus.SCHEDULED,
				"api", null);
		assertThat(POLICY.decide(item, Outlet.EMAIL, now)).isEqualTo(expected);
	}

}
