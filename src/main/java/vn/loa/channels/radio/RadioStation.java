package vn.loa.channels.radio;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.loa.channels.radio.speech.VietnameseNumbers.Variant;
import vn.loa.organisations.Organisations;

/**
 * A grassroots loudspeaker station: whose content it reads, when, and how fast.
 *
 * @param id stable id
 * @param name Vietnamese name
 * @param organisation the organisation whose items it reads ({@code default})
 * @param slots daily slots (06:00 and 17:00, 30 minutes each, when none are given)
 * @param syllablesPerMinute the announcer's reading speed
 * @param enabled whether new items are queued for it (a disabled station keeps its
 * rundown)
 * @param variant the regional variant its scripts are said and voiced in, or {@code null}
 * for the installation's ({@code loa.radio.speech.variant})
 */
public record RadioStation(String id, String name, @DefaultValue("default") String organisation, List<RadioSlot> slots,
		@DefaultValue("200") int syllablesPerMinute, @DefaultValue("true") boolean enabled, @Nullable Variant variant) {

	/** The station Loa reads to when none is configured. */
	public static final RadioStation DEFAULT = new RadioStation("default", "Đài truyền thanh cơ sở",
			Organisations.DEFAULT, List.of(), 200);

	/** An enabled station. */
	public RadioStation(String id, String name, String organisation, List<RadioSlot> slots, int syllablesPerMinute) {
		this(id, name, organisation, slots, syllablesPerMinute, true);
	}

	/** A station in the installation's variant. */
	public RadioStation(String id, String name, String organisation, List<RadioSlot> slots, int syllablesPerMinute,
			boolean enabled) {
		this(id, name, organisation, slots, syllablesPerMinute, enabled, null);
	}

	@ConstructorBinding
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

	/** The slots as stored and typed at the desk: {@code 06:00/30,17:00/30}. */
	public String slotsText() {
		return this.slots.stream()
			.map((slot) -> String.format(java.util.Locale.ROOT, "%02d:%02d/%d", slot.time().getHour(),
					slot.time().getMinute(), slot.minutes()))
			.collect(java.util.stream.Collectors.joining(","));
	}

	/**
	 * Reads slots as stored or typed: start times, each with its minutes after a slash or
	 * a space ({@code 06:00/30, 17:00 45, 19:30}), separated by commas or semicolons.
	 * @throws IllegalArgumentException naming the part that is not a slot
	 */
	public static List<RadioSlot> parseSlots(String text) {
		List<RadioSlot> slots = new java.util.ArrayList<>();
		for (String part : text.split("[,;]")) {
			String written = part.strip();
			if (written.isEmpty()) {
				continue;
			}
			java.util.regex.Matcher slot = SLOT.matcher(written);
			if (!slot.matches()) {
				throw new IllegalArgumentException(
						"'" + written + "' is not a slot: write a start time and its minutes, " + "such as 06:00/30");
			}
			int hour = Integer.parseInt(slot.group(1));
			int minute = Integer.parseInt(slot.group(2));
			int minutes = (slot.group(3) != null) ? Integer.parseInt(slot.group(3)) : RadioSlot.DEFAULT_MINUTES;
			if (hour > 23 || minute > 59 || minutes < 1 || minutes > 720) {
				throw new IllegalArgumentException(
						"'" + written + "' is not a slot: a time of day and 1 to 720 minutes");
			}
			if (slots.stream().anyMatch((s) -> s.time().equals(LocalTime.of(hour, minute)))) {
				throw new IllegalArgumentException("two slots start at " + written.substring(0, slot.end(2)));
			}
			slots.add(new RadioSlot(LocalTime.of(hour, minute), minutes));
		}
		return slots;
	}

	private static final java.util.regex.Pattern SLOT = java.util.regex.Pattern
		.compile("(\\d{1,2})[:h](\\d{2})(?:\\s*[/ ]\\s*(\\d{1,3})(?:\\s*(?:phút|min|minutes|'))?)?");

	/** The slot starting at a time, or a default-length one for a slot since removed. */
	public RadioSlot slotAt(LocalTime time) {
		return this.slots.stream()
			.filter((slot) -> slot.time().equals(time))
			.findFirst()
			.orElseGet(() -> new RadioSlot(time, RadioSlot.DEFAULT_MINUTES));
	}

}
