package vn.loa.channels.radio;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.loa.content.Outlet;
import vn.loa.publishing.events.ContentPublished;

import static org.assertj.core.api.Assertions.assertThat;

class RadioSlotChoiceTests {

	private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

	@ParameterizedTest(name = "due {0}, published {1}, late {2} -> {3}")
	@CsvSource({ "2025-09-01T06:00, 2025-09-01T06:00, false, 2025-09-01T06:00",
			"2025-09-01T05:30, 2025-09-01T05:30, false, 2025-09-01T06:00",
			"2025-09-01T06:01, 2025-09-01T06:01, false, 2025-09-01T17:00",
			"2025-09-01T17:00, 2025-09-01T17:00, false, 2025-09-01T17:00",
			"2025-09-01T18:00, 2025-09-01T18:00, false, 2025-09-02T06:00",
			"2025-09-01T23:59, 2025-09-02T00:05, false, 2025-09-02T06:00",
			"2025-09-01T06:00, 2025-09-01T10:00, true, 2025-09-01T17:00",
			"2025-08-31T06:00, 2025-09-01T19:30, true, 2025-09-02T06:00",
			"2025-09-01T06:00, 2025-09-01T06:02, false, 2025-09-01T06:00" })
	void choosesFirstSlotAtOrAfterDueTimeOrPublicationWhenLate(LocalDateTime due, LocalDateTime published, boolean late,
			LocalDateTime slot) {
		ContentPublished event = new ContentPublished("item", Set.of(Outlet.RADIO), inHanoi(due), inHanoi(published),
				late);
		assertThat(RadioScheduler.slotFor(RadioStation.DEFAULT, event, HANOI)).isEqualTo(slot);
	}

	@Test
	void readsSlotsInTheLoaZoneWhateverTheInstantsZone() {
		// 23:30 UTC is 06:30 the next morning in Vietnam: past the 06:00 slot.
		ContentPublished event = new ContentPublished("item", Set.of(Outlet.RADIO),
				Instant.parse("2025-08-31T23:30:00Z"), Instant.parse("2025-08-31T23:30:00Z"), false);
		assertThat(RadioScheduler.slotFor(RadioStation.DEFAULT, event, HANOI))
			.isEqualTo(LocalDateTime.parse("2025-09-01T17:00"));
	}

	@Test
	void ordersConfiguredSlotsByTime() {
		RadioStation station = new RadioStation("xa", "Đài xã", null,
				List.of(new RadioSlot(LocalTime.of(17, 30), 20), new RadioSlot(LocalTime.of(5, 30), 15)), 180);
		assertThat(station.firstSlotAtOrAfter(LocalDateTime.parse("2025-09-01T05:00")))
			.isEqualTo(LocalDateTime.parse("2025-09-01T05:30"));
		assertThat(station.organisation()).isEqualTo("default");
	}

	@Test
	void fallsBackToOneDefaultStationWithMorningAndEveningSlots() {
		RadioProperties properties = new RadioProperties(null, null);
		assertThat(properties.stations()).singleElement().satisfies((station) -> {
			assertThat(station.id()).isEqualTo("default");
			assertThat(station.name()).isEqualTo("Đài truyền thanh cơ sở");
			assertThat(station.slots()).extracting(RadioSlot::time, RadioSlot::minutes)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(LocalTime.of(6, 0), 30),
						org.assertj.core.groups.Tuple.tuple(LocalTime.of(17, 0), 30));
			assertThat(station.syllablesPerMinute()).isEqualTo(200);
		});
		assertThat(properties.defaults().syllablesPerMinute()).isEqualTo(200);
		assertThat(properties.defaults().slots()).extracting(RadioSlot::time)
			.containsExactly(LocalTime.of(6, 0), LocalTime.of(17, 0));
	}

	@Test
	void readsSlotsAsAnEditorTypesThemAndWritesThemBackAsStored() {
		assertThat(RadioStation.parseSlots("06:00/30, 17:00 45; 19h30 20 phút, 5:15"))
			.extracting(RadioSlot::time, RadioSlot::minutes)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LocalTime.of(6, 0), 30),
					org.assertj.core.groups.Tuple.tuple(LocalTime.of(17, 0), 45),
					org.assertj.core.groups.Tuple.tuple(LocalTime.of(19, 30), 20),
					org.assertj.core.groups.Tuple.tuple(LocalTime.of(5, 15), 30));
		RadioStation station = new RadioStation("xa", "Đài xã", "default", RadioStation.parseSlots("17:00/45, 6:00"),
				200);
		assertThat(station.slotsText()).isEqualTo("06:00/30,17:00/45");
		assertThat(RadioStation.parseSlots(station.slotsText())).isEqualTo(station.slots());
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(
			strings = { "sáu giờ", "25:00/30", "06:00/0", "06:00/30, 06:00/20", "06:61", "06:00/9999" })
	void refusesSlotsThatAreNotATimeOfDayWithMinutesNamingThePart(String written) {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> RadioStation.parseSlots(written))
			.withMessageContaining(
					"06:00".equals(written.substring(0, Math.min(5, written.length()))) && written.contains(",")
							? "two slots start at 06:00" : "is not a slot");
	}

	private static Instant inHanoi(LocalDateTime local) {
		return local.atZone(HANOI).toInstant();
	}

}
