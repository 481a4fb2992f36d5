package vn.loa.calendar;

import java.util.List;

/**
 * What reading the calendar files gave: everything that could be read, and what could
 * not.
 *
 * @param book the calendar data that loaded
 * @param problems every problem found, each with file and line
 */
@org.springframework.modulith.NamedInterface("files")
public record CalendarLoad(CalendarBook book, List<CalendarProblem> problems) {

}
