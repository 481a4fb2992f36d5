package vn.loa.content;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.loa.calendar.CalendarService;

/**
 * A stored schedule as people read it: pages show “07:00 ngày bắt đầu giai đoạn 2 của
 * 443-KH/TU”, not {@code start of phase 2 of 443-KH/TU, 07:00}. Templates reach it as
 * {@code @schedules.said(when)}; it speaks the page's language.
 */
@Component("schedules")
public class ScheduleWording {

	private final CalendarService calendar;

	ScheduleWording(CalendarService calendar) {
		this.calendar = calendar;
	}

	/** The schedule in the language of the request being answered. */
	public String said(String when) {
		return said(when, LocaleContextHolder.getLocale());
	}

	/** The schedule in {@code locale}'s language (Vietnamese unless English). */
	public String said(String when, Locale locale) {
		if (when == null || when.isBlank()) {
			return "";
		}
		return Schedule.said(when, this.calendar.book(), locale);
	}

	/**
	 * The schedule for an editor's form field in the request's language: Vietnamese words
	 * on a Vietnamese page (they read back as the same schedule), the stored form on an
	 * English one.
	 */
	public String inField(String when) {
		Locale locale = LocaleContextHolder.getLocale();
		return "en".equals(locale.getLanguage()) ? when : said(when, locale);
	}

	/**
	 * The Vietnamese words for a stored anchor ({@code anniversary quoc-khanh 2027},
	 * {@code start of phase 2 of 443-KH/TU}, {@code event dai-hoi-xiv}): the words an
	 * editor writes before an offset and a time.
	 */
	public String anchorInVietnamese(String storedAnchor) {
		return VietnameseSchedule.anchorSaid(storedAnchor, this.calendar.book(), false);
	}

}
