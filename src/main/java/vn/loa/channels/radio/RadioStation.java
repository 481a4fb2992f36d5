package vn.loa.channels.radio;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.loa.organisations.Organisations;

/**
 * A grassroots loudspeaker station: whose content it reads, when, and how fast.
 *
 * @param id stable id
 * @param name Vietnamese name
 * @param organisation the organisation whose items it reads ({@code default})
 * @param slots daily slots (06:00 and 17:00, 30 minutes each, when none are given)
 * @param syllablesPerMinute the announcer's reading speed
 */
public record RadioStation(String id, String name, @DefaultValue("default") String organisation, List<RadioSlot> slots,
		@DefaultValue("200") int syllablesPerMinute) {

	/** The station Loa reads to when none is configured. */
	public static final RadioStation DEFAULT = new RadioStation("default", "Đài truyền thanh cơ sở",
			Organisations.DEFAULT, List.of(), 200);

	public RadioStation {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("a radio station needs an id");
		}
		name = (name == null || name.isBlank()) ? id : name;
		organisation = (organisation == null || organisation.isBlank()) ? Organisations.DEFAULT : organisation;
		slots = (slots == null || slots.isEmpty())
				? List.of(new RadioSlot(LocalTime.of(6, 0), RadioSlot.DEFAULT_MINUTES),
						new RadioSlot(LocalTime.of(17, 0), RadioSlot.DEFAULT_MINUTES))
				: slots.stream().sorted(Comparator.comparing(RadioSlot::time)).toList();
		if (syllablesPerMinute < 1) {
			throw new IllegalArgumentException(
					"station " + id + " reads at least one syllable a minute, was " + syllablesPerMinute);
		}
	}

	/**
	 * The start of the first slot at or after a local time: later that day, else the
	 * first slot of the next day.
	 */
	public LocalDateTime firstSlotAtOrAfter(LocalDateTime at) {
		for (RadioSlot slot : this.slots) {
			if (!slot.time().isBefore(at.toLocalTime())) {
				return at.toLocalDate().atTime(slot.time());
			}
		}
		return at.toLocalDate().plusDays(1).atTime(this.slots.get(0).time());
	}

	/** The slot starting at a time, or a default-length one for a slot since removed. */
	public RadioSlot slotAt(LocalTime time) {
		return this.slots.stream()
			.filter((slot) -> slot.time().equals(time))
			.findFirst()
			.orElseGet(() -> new RadioSlot(time, RadioSlot.DEFAULT_MINUTES));
	}

}
