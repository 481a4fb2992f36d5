package vn.loa.content;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.loa.calendar.Occurrence;
import vn.loa.calendar.OccurrenceClass;
import vn.loa.calendar.Tier;

/**
 * How many days ahead a campaign for an anniversary is prepared, by its tier and how
 * round its ordinal is: a năm tròn of a ngày lễ lớn gets two months.
 *
 * @param leLonNamTron ngày lễ lớn, năm tròn
 * @param leLonNamLe5 ngày lễ lớn, năm lẻ 5
 * @param leLonKhac ngày lễ lớn, any other year
 * @param khacNamTron other commemoration, năm tròn
 * @param khacNamLe5 other commemoration, năm lẻ 5
 * @param khacKhac other commemoration, any other year
 */
@ConfigurationProperties("loa.lead-times")
public record LeadTimes(@DefaultValue("60") int leLonNamTron, @DefaultValue("45") int leLonNamLe5,
		@DefaultValue("30") int leLonKhac, @DefaultValue("30") int khacNamTron, @DefaultValue("21") int khacNamLe5,
		@DefaultValue("14") int khacKhac) {

	/** The defaults, for use outside Spring. */
	public static LeadTimes defaults() {
		return new LeadTimes(60, 45, 30, 30, 21, 14);
	}

	/** Days of preparation the occurrence deserves. */
	public int daysFor(Occurrence occurrence) {
		boolean major = occurrence.anniversary().tier() == Tier.LE_LON;
		OccurrenceClass kind = occurrence.occurrenceClass();
		return switch (kind) {
			case NAM_TRON -> major ? this.leLonNamTron : this.khacNamTron;
			case NAM_LE_5 -> major ? this.leLonNamLe5 : this.khacNamLe5;
			case KHAC -> major ? this.leLonKhac : this.khacKhac;
		};
	}

}
