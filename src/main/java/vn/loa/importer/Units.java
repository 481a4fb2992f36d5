package vn.loa.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.loa.importer.Source.Paragraph;

/** Reads the responsible units: the numbered headings of "Tổ chức thực hiện". */
final class Units {

	private static final Pattern ITEM = Pattern.compile("^(\\d{1,2})\\s*[.)]\\s+(?!\\d)(.+)$");

	private static final Pattern VERB = Pattern.compile("(?<!\\p{L})(chủ động|phát động|tổ chức tốt|tổ chức thực hiện|"
			+ "tổ chức triển khai|tổ chức các|bám sát|chỉ đạo|phối hợp|thực hiện|xây dựng|tăng cường|triển khai|"
			+ "có trách nhiệm|căn cứ|hướng dẫn|theo dõi|tham mưu|đẩy mạnh|quán triệt|nắm chắc|định hướng|quản lý|"
			+ "kịp thời|thường xuyên|tiếp tục|phổ biến|lãnh đạo|cung cấp|đăng tải|vận động)(?!\\p{L})");

	private Units() {
	}

	static void read(Layout layout, DraftBuilder draft) {
		Layout.Section section = layout.section("to\\s*chuc\\s*thuc\\s*hien");
		if (section == null) {
			draft.warn(0, ImportMessage.NO_UNITS_SECTION, "no 'Tổ chức thực hiện' section: responsible units not read");
			return;
		}
		for (Paragraph p : layout.in(section)) {
			Matcher item = ITEM.matcher(p.text());
			if (!item.matches()) {
				continue;
			}
			String text = item.group(2).replaceFirst("^(Đề nghị|Giao|Đề nghị các|Yêu cầu)\\s+", "");
			int colon = text.indexOf(':');
			String unit;
			if (colon > 0 && colon < 120) {
				unit = text.substring(0, colon);
			}
			else if (text.length() <= 120 && !text.endsWith(".")) {
				unit = text;
			}
			else {
				Matcher verb = VERB.matcher(text);
				unit = (verb.find() && verb.start() > 0) ? text.substring(0, verb.start()) : text;
			}
			unit = unit.replaceAll("[\\s,:;.]+$", "").strip();
			if (!unit.isEmpty() && unit.length() <= 160) {
				draft.units.add(unit);
				draft.extract("unit", unit, p.line());
			}
		}
	}

}
